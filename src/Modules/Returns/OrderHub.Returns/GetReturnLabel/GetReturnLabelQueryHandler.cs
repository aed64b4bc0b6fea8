using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Labels;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.GetReturnLabel;

/// <summary>Everything a printed return label shows; only approved returns that ship something back have one.</summary>
internal sealed class GetReturnLabelQueryHandler(ReturnsDbContext db, ReturnWarehouses warehouses, ReturnsAccess access, IMediator mediator) : IRequestHandler<GetReturnLabelQuery, ReturnLabel>
{
    public async Task<ReturnLabel> Handle(GetReturnLabelQuery request, CancellationToken cancellationToken)
    {
        var rma = await db.Returns.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Return", request.Id);
        access.EnsureVisible("Return", request.Id, rma.OrderId, rma.Storefront, rma.CustomerEmail);
        if (rma.Status is not (ReturnStatus.Approved or ReturnStatus.InTransit))
        {
            throw new ConflictException($"Return {rma.RmaNumber} is {rma.Status}; a label exists only once it is approved and until it is received.", "no-label");
        }

        if (rma.EverythingKeptByCustomer)
        {
            throw new ConflictException($"Return {rma.RmaNumber} is kept by the customer; nothing is shipped back.", "no-label");
        }

        var warehouse = await warehouses.ForAsync(rma, cancellationToken)
            ?? throw new ConflictException("The return policy names no existing return warehouse, so there is no address to send the parcel to.", "no-return-warehouse");
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == rma.OrderId, cancellationToken);
        var customer = order.Address;
        var shipped = rma.ShippedBackLines.ToList();
        var names = (await mediator.Send(new GetSkusQuery(shipped.Select(l => l.Sku).Distinct().ToList()), cancellationToken))
            .ToDictionary(s => s.Sku, s => s.Name, StringComparer.Ordinal);
        var to = warehouse.Address;
        return new ReturnLabel(
            rma.RmaNumber,
            string.Join(", ", rma.Lines.Select(l => l.OrderNumber).Order(StringComparer.Ordinal).Prepend(rma.OrderNumber).Distinct()),
            new LabelAddress(customer.Name ?? rma.CustomerName, customer.Line1, customer.Line2, customer.City, customer.Region, customer.PostalCode, customer.Country),
            new LabelAddress($"Returns - {warehouse.Name}", to.Line1, to.Line2, to.City, to.Region, to.PostalCode, to.Country),
            warehouse.Name,
            shipped.Select(l => new LabelItem(l.Sku, names.GetValueOrDefault(l.Sku, l.Sku), l.Quantity)).ToList(),
            rma.ApprovedAt ?? rma.CreatedAt,
            rma.ShipBy,
            ReturnCodes.TrackingNumberOf(rma)!);
    }
}
