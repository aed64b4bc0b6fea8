using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.GetReturnOptions;

/// <summary>The returnable-lines evaluation, with each refusal as a code and the policy's resolutions and fees.</summary>
internal sealed class GetReturnOptionsQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies, ReturnFacts facts, ReturnsAccess access, TimeProvider clock)
    : IRequestHandler<GetReturnOptionsQuery, ReturnOptions>
{
    public async Task<ReturnOptions> Handle(GetReturnOptionsQuery request, CancellationToken cancellationToken)
    {
        var (order, orderFacts) = await facts.LoadAsync(request.OrderId, cancellationToken);
        access.EnsureVisible("Order", request.OrderId, order.Id, order.Storefront, order.CustomerEmail);
        var rules = (await policies.GetAsync(db, cancellationToken)).Rules;
        var now = clock.GetUtcNow().UtcDateTime;
        var lines = orderFacts.Lines
            .Select(line =>
            {
                var (eligibility, refusals) = PolicyEvaluator.Assess(rules, orderFacts, line, now);
                return new ReturnOptionLine(eligibility, line.UnitPrice, refusals);
            })
            .ToList();
        return new ReturnOptions(order.Id, order.Number, order.Currency, lines, rules.AllowedResolutions, rules.StoreCreditBonusPercent, rules.RestockingFeePercent, rules.ReturnShippingFee);
    }
}
