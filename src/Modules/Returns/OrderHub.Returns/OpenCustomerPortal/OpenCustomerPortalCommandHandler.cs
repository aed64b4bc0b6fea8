using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.OpenPortalSession;

namespace OrderHub.Returns.OpenCustomerPortal;

/// <summary>The hosted portal's way in: the same use case as <c>POST /api/v1/portal/sessions</c>, validation included.</summary>
internal sealed class OpenCustomerPortalCommandHandler(IMediator mediator) : IRequestHandler<OpenCustomerPortalCommand, PortalSessionDto>
{
    public Task<PortalSessionDto> Handle(OpenCustomerPortalCommand request, CancellationToken cancellationToken) =>
        mediator.Send(new OpenPortalSessionCommand(request.OrderNumber, request.Email), cancellationToken);
}
