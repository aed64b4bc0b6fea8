using FluentValidation;
using MediatR;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.CancelOrder;

internal sealed record CancelOrderCommand(Guid OrderId, string? Reason, int? ExpectedVersion) : ICommand<OrderDto>;

internal sealed class CancelOrderCommandValidator : AbstractValidator<CancelOrderCommand>
{
    public CancelOrderCommandValidator() => RuleFor(x => x.Reason).MaximumLength(500).OverridePropertyName("reason");
}

internal sealed class CancelOrderCommandHandler(OrdersDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<CancelOrderCommand, OrderDto>
{
    public async Task<OrderDto> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadForChangeAsync(command.OrderId, actor, cancellationToken);
        ETags.Check(command.ExpectedVersion, order.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        var unshipped = order.Cancel(command.Reason?.Trim(), actor.Name, now);
        if (unshipped.Count > 0)
        {
            await mediator.Send(new ReleaseReservationCommand(order.Id.ToString(), null, actor.Name), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Publish(new OrderCancelled(Guid.NewGuid(), now, order.ToSnapshot(), command.Reason?.Trim()));
        return order.ToDto();
    }
}
