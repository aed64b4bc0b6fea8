using FluentValidation;

namespace OrderHub.Orders.CreatePickList;

internal sealed class CreatePickListCommandValidator : AbstractValidator<CreatePickListCommand>
{
    /// <summary>About what one picker walks in one round; also bounds the orders one request locks.</summary>
    public const int MaxOrders = 200;

    public CreatePickListCommandValidator()
    {
        RuleFor(x => x.Request.Max).InclusiveBetween(1, MaxOrders).OverridePropertyName("max");
        RuleFor(x => x.Request.OrderIds)
            .Must(ids => ids is null || ids.Count is > 0 and <= MaxOrders)
            .WithMessage($"orderIds, when given, names 1 to {MaxOrders} orders.")
            .OverridePropertyName("orderIds");
        RuleForEach(x => x.Request.OrderIds)
            .NotNull().WithMessage("orderIds[{CollectionIndex}] must be an order id, not null.")
            .NotEqual(Guid.Empty).WithMessage("orderIds[{CollectionIndex}] must be an order id.")
            .OverridePropertyName("orderIds");
    }
}
