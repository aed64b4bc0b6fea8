using FluentValidation;
using MediatR;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.ShipOrder;

internal sealed record ShipOrderCommand(Guid OrderId, ShipOrderRequest Request, int? ExpectedVersion) : ICommand<(ShipmentDto Shipment, int Version)>;

internal sealed class ShipOrderCommandValidator : AbstractValidator<ShipOrderCommand>
{
    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public ShipOrderCommandValidator()
    {
        RuleFor(x => x.Request.Lines).NotEmpty().OverridePropertyName("lines");
        RuleForEach(x => x.Request.Lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("orderLineId");
            line.RuleFor(l => l.Quantity).NotNull().GreaterThan(0).OverridePropertyName("quantity");
        }).OverridePropertyName("lines");
        RuleFor(x => x.Request.Carrier).MaximumLength(100).OverridePropertyName("carrier");
        RuleFor(x => x.Request.TrackingNumber).MaximumLength(100).OverridePropertyName("trackingNumber");
    }
}

internal sealed class ShipOrderCommandHandler(OrdersDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<ShipOrderCommand, (ShipmentDto Shipment, int Version)>
{
    public async Task<(ShipmentDto Shipment, int Version)> Handle(ShipOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadForChangeAsync(command.OrderId, actor, cancellationToken);
        ETags.Check(command.ExpectedVersion, order.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        var shipment = order.Ship(
            command.Request.Lines!.Select(l => (l.OrderLineId!.Value, l.Quantity!.Value)).ToList(),
            command.Request.Carrier?.Trim(),
            command.Request.TrackingNumber?.Trim(),
            actor.Name,
            now);

        var consumed = StockLines.PerSku(shipment.Lines.Select(l => (l.Sku, l.Quantity)));
        await mediator.Send(new ConsumeReservationCommand(order.Id.ToString(), consumed, actor.Name), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        var dto = shipment.ToDto();
        db.Publish(new OrderShipped(Guid.NewGuid(), now, order.ToSnapshot(), dto, order.Status == OrderStatus.Shipped));
        return (dto, order.Version);
    }
}
