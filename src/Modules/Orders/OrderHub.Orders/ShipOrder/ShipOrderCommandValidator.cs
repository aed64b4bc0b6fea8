using FluentValidation;

namespace OrderHub.Orders.ShipOrder;

internal sealed class ShipOrderCommandValidator : AbstractValidator<ShipOrderCommand>
{
    public ShipOrderCommandValidator()
    {
        this.MustBeShipmentLines(x => x.Request.Lines!);
        RuleFor(x => x.Request.Carrier).MaximumLength(100).OverridePropertyName("carrier");
        RuleFor(x => x.Request.TrackingNumber).MaximumLength(100).OverridePropertyName("trackingNumber");
        RuleFor(x => x.Request.WarehouseCode).MaximumLength(64).OverridePropertyName("warehouseCode");
    }
}
