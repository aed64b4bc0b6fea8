using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.GetReturnPolicy;

internal sealed class GetReturnPolicyQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies) : IRequestHandler<GetReturnPolicyQuery, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(GetReturnPolicyQuery request, CancellationToken cancellationToken) =>
        (await policies.GetAsync(db, cancellationToken)).ToDto();
}
