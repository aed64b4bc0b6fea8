using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.CreateReturn;

namespace OrderHub.Returns.CreateCustomerReturn;

/// <summary>The create-return use case of the API, validation and auto-approval included, for in-process callers.</summary>
internal sealed class CreateCustomerReturnCommandHandler(IMediator mediator) : IRequestHandler<CreateCustomerReturnCommand, ReturnDto>
{
    public Task<ReturnDto> Handle(CreateCustomerReturnCommand request, CancellationToken cancellationToken) =>
        mediator.Send(new CreateReturnCommand(request.Request), cancellationToken);
}
