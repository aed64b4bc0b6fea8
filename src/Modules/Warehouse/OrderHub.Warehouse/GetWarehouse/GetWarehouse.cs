using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.CreateWarehouse;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.GetWarehouse;

internal sealed record GetWarehouseQuery(string Code) : IQuery<WarehouseDto>;

internal sealed class GetWarehouseQueryHandler(WarehouseDbContext db) : IRequestHandler<GetWarehouseQuery, WarehouseDto>
{
    public async Task<WarehouseDto> Handle(GetWarehouseQuery request, CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == request.Code, cancellationToken)
            ?? throw new NotFoundException("Warehouse", request.Code);
        return WarehouseMapping.ToDto(warehouse);
    }
}

/// <summary>Answers <see cref="GetWarehouseAddressQuery"/> for other modules (return labels).</summary>
internal sealed class GetWarehouseAddressQueryHandler(IMediator mediator) : IRequestHandler<GetWarehouseAddressQuery, WarehouseAddress>
{
    public async Task<WarehouseAddress> Handle(GetWarehouseAddressQuery request, CancellationToken cancellationToken)
    {
        var warehouse = await mediator.Send(new GetWarehouseQuery(request.WarehouseCode), cancellationToken);
        return new WarehouseAddress(warehouse.Code, warehouse.Name, warehouse.Address);
    }
}

/// <summary>Answers <see cref="FindWarehouseAddressQuery"/> for other modules (the return policy's warehouse).</summary>
internal sealed class FindWarehouseAddressQueryHandler(WarehouseDbContext db) : IRequestHandler<FindWarehouseAddressQuery, WarehouseAddress?>
{
    public async Task<WarehouseAddress?> Handle(FindWarehouseAddressQuery request, CancellationToken cancellationToken) =>
        await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == request.WarehouseCode, cancellationToken) is { } warehouse
            ? new WarehouseAddress(warehouse.Code, warehouse.Name, warehouse.Address)
            : null;
}

internal static class GetWarehouseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{code}", async Task<Ok<WarehouseDto>> (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWarehouseQuery(code), ct)))
            .WithName("GetWarehouse")
            .WithSummary("A warehouse and its address")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
