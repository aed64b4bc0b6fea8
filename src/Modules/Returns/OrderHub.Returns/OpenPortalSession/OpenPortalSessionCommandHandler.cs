using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.OpenPortalSession;

/// <summary>Order number plus the customer's email open a session; a mismatch is a plain 404 that reveals nothing.</summary>
internal sealed class OpenPortalSessionCommandHandler(ReturnsDbContext db, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<OpenPortalSessionCommand, PortalSessionDto>
{
    public async Task<PortalSessionDto> Handle(OpenPortalSessionCommand command, CancellationToken cancellationToken)
    {
        var number = command.OrderNumber!.Trim().ToUpperInvariant();
        var email = command.Email!.Trim().ToLowerInvariant();
        var order = await db.Orders.AsNoTracking()
            .Where(o => o.Number == number && o.CustomerEmail == email)
            .Select(o => new { o.Id, o.Storefront })
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null || (actor.IsInRole(Roles.Storefront) && order.Storefront != actor.Storefront))
        {
            throw new NotFoundException("Order", number);
        }

        var (session, token) = PortalSession.Open(order.Id, email, clock.GetUtcNow().UtcDateTime);
        db.PortalSessions.Add(session);
        return new PortalSessionDto(token, order.Id, session.ExpiresAt);
    }
}
