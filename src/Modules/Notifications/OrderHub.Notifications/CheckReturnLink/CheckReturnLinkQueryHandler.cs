using MediatR;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.CustomerLinks;

namespace OrderHub.Notifications.CheckReturnLink;

/// <summary>The module that mints customer links checks them, for the portal's status page.</summary>
internal sealed class CheckReturnLinkQueryHandler(ReturnLinks links) : IRequestHandler<CheckReturnLinkQuery, bool>
{
    public async Task<bool> Handle(CheckReturnLinkQuery request, CancellationToken cancellationToken) =>
        await links.OpensAsync(request.RmaNumber, request.Token, cancellationToken);
}
