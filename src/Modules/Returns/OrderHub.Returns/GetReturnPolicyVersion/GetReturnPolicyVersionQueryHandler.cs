using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.GetReturnPolicyVersion;

internal sealed class GetReturnPolicyVersionQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies) : IRequestHandler<GetReturnPolicyVersionQuery, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(GetReturnPolicyVersionQuery request, CancellationToken cancellationToken) =>
        (await policies.GetVersionAsync(db, request.Version, cancellationToken)).ToDto();
}
