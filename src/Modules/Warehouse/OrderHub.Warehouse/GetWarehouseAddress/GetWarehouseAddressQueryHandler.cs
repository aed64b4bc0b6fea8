using MediatR;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.GetWarehouse;

namespace OrderHub.Warehouse.GetWarehouseAddress;

/// <summary>Answers <see cref="GetWarehouseAddressQuery"/> for other modules (return labels).</summary>
internal sealed class GetWarehouseAddressQueryHandler(IMediator mediator) : IRequestHandler<GetWarehouseAddressQuery, WarehouseAddress>
{
    public async Task<WarehouseAddress> Handle(GetWarehouseAddressQuery request, CancellationToken cancellationToken)
    {
        var warehouse = await mediator.Send(new GetWarehouseQuery(request.WarehouseCode), cancellationToken);
        return new WarehouseAddress(warehouse.Code, warehouse.Name, warehouse.Address);
    }
}
