using FluentValidation;
using MediatR;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.CreateReturn;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.QuoteReturn;

/// <summary>What creating the return would charge and refund, judged and priced as creating it is.</summary>
internal sealed class QuoteReturnQueryHandler(
    ReturnsDbContext db,
    CurrentPolicyCache policies,
    ReturnFacts facts,
    ReturnsAccess access,
    TimeProvider clock,
    IEnumerable<IValidator<CreateReturnCommand>> validators)
    : IRequestHandler<QuoteReturnQuery, RefundBreakdown>
{
    public async Task<RefundBreakdown> Handle(QuoteReturnQuery query, CancellationToken cancellationToken)
    {
        // The request a quote is asked for is the one the customer would send next: the same validation applies.
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(new CreateReturnCommand(query.Request), cancellationToken)).Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }

        var request = query.Request;
        var orders = await facts.LoadManyAsync(ReturnRequestCheck.LineOrders(request), cancellationToken);
        foreach (var (order, _) in orders)
        {
            access.EnsureVisible("Order", order.Id, order.Id, order.Storefront, order.CustomerEmail);
        }

        var rules = (await policies.GetAsync(db, cancellationToken)).Rules;
        // Whether a person will look at the return does not change its money, so the customer's history is not read.
        var (_, verdict) = ReturnRequestCheck.Judge(rules, orders, request, null, clock.GetUtcNow().UtcDateTime);
        var quote = verdict.Quote;
        return new RefundBreakdown(quote.ItemsValue, quote.RestockingFee, quote.ShippingFee, quote.StoreCreditBonus, quote.Total, orders[0].Order.Currency);
    }
}
