using FluentValidation;
using OrderHub.Warehouse.Domain;

namespace OrderHub.Warehouse.SetWarehousePriority;

internal sealed class SetWarehousePriorityCommandValidator : AbstractValidator<SetWarehousePriorityCommand>
{
    public SetWarehousePriorityCommandValidator() =>
        RuleFor(x => x.Priority).NotNull().InclusiveBetween(0, WarehouseSite.MaxPriority)
            .WithMessage($"priority must be a whole number from 0 to {WarehouseSite.MaxPriority}.")
            .OverridePropertyName("priority");
}
