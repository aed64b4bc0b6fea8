using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.GetReturnableLines;

internal sealed class GetReturnableLinesQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies, ReturnFacts facts, ReturnsAccess access, TimeProvider clock)
    : IRequestHandler<GetReturnableLinesQuery, IReadOnlyList<ReturnableLineDto>>
{
    public async Task<IReadOnlyList<ReturnableLineDto>> Handle(GetReturnableLinesQuery request, CancellationToken cancellationToken)
    {
        var (order, orderFacts) = await facts.LoadAsync(request.OrderId, cancellationToken);
        access.EnsureVisible("Order", request.OrderId, order.Id, order.Storefront, order.CustomerEmail);
        var rules = (await policies.GetAsync(db, cancellationToken)).Rules;
        var now = clock.GetUtcNow().UtcDateTime;
        return orderFacts.Lines.Select(line => PolicyEvaluator.Evaluate(rules, orderFacts, line, now)).ToList();
    }
}
