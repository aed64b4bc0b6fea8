using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns;

/// <summary>
/// Judges a return request against the policy: the resolution must be offered and every line returnable in the
/// quantity asked. Shared by creating a return and quoting one, so both refuse in the same words.
/// </summary>
internal static class ReturnRequestCheck
{
    /// <summary>The requested lines with their facts; throws the business-rule refusal (422) listing the reasons per line.</summary>
    public static List<RequestedLine> Judge(PolicyRules rules, OrderFacts orderFacts, CreateReturnRequest request, DateTime now)
    {
        var resolution = request.Resolution!.Value;
        if (!rules.AllowedResolutions.Contains(resolution))
        {
            throw new BusinessRuleException($"The return policy does not offer {resolution}; choose one of: {string.Join(", ", rules.AllowedResolutions)}.", "resolution-not-offered");
        }

        var refusals = new List<object>();
        var requested = new List<RequestedLine>();
        foreach (var line in request.Lines!)
        {
            var lineFacts = orderFacts.Lines.SingleOrDefault(l => l.OrderLineId == line.OrderLineId);
            if (lineFacts is null)
            {
                throw new NotFoundException("Order line", line.OrderLineId!);
            }

            var verdict = PolicyEvaluator.Evaluate(rules, orderFacts, lineFacts, now);
            if (!verdict.Eligible)
            {
                refusals.Add(new { orderLineId = lineFacts.OrderLineId, sku = lineFacts.Sku, reasons = verdict.Reasons });
            }
            else if (line.Quantity > verdict.ReturnableQuantity)
            {
                refusals.Add(new { orderLineId = lineFacts.OrderLineId, sku = lineFacts.Sku, reasons = new[] { $"Only {verdict.ReturnableQuantity} unit(s) of this item can still be returned." } });
            }

            requested.Add(new RequestedLine(lineFacts, line.Quantity!.Value, line.ReasonCode!.Value));
        }

        if (refusals.Count > 0)
        {
            throw new BusinessRuleException("Some items cannot be returned; see lines for the reasons.", "not-returnable",
                new Dictionary<string, object?> { ["lines"] = refusals });
        }

        return requested;
    }
}
