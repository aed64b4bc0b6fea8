using OrderHub.Returns.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Tests;

/// <summary>A whole request judged at an explicit moment, as the intake judges it now and a simulation judges it in the past.</summary>
public sealed class RequestJudgementTests
{
    private static readonly DateTime Delivered = new(2026, 3, 10, 18, 30, 0, DateTimeKind.Utc);

    private static PolicyRules Rules(int windowDays = 30, decimal restockingFeePercent = 0m, decimal? autoApproveMaxOrderValue = 100m, params ReturnResolution[] resolutions) =>
        PolicyRules.Default with
        {
            WindowDays = windowDays,
            RestockingFeePercent = restockingFeePercent,
            AutoApproveMaxOrderValue = autoApproveMaxOrderValue,
            AllowedResolutions = resolutions.Length == 0 ? PolicyRules.Default.AllowedResolutions : resolutions,
        };

    private static LineFacts Line(string sku, decimal unitPrice, int shipped = 2) => new(Guid.NewGuid(), sku, 2, shipped, unitPrice, 0, "apparel", true);

    private static OrderFacts Order(params LineFacts[] lines) => new(false, Delivered, null, lines.Sum(l => l.Quantity * l.UnitPrice), "EUR", lines);

    [Fact]
    public void A_request_is_judged_by_the_window_of_the_moment_given_not_by_today()
    {
        var tee = Line("TEE", 30m);
        var order = Order(tee);
        RequestedLine[] lines = [new(tee, 1, ReturnReason.ChangedMind)];

        var inTime = PolicyEvaluator.Judge(Rules(windowDays: 5), order, ReturnResolution.Refund, lines, null, Delivered.AddDays(5));
        var late = PolicyEvaluator.Judge(Rules(windowDays: 5), order, ReturnResolution.Refund, lines, null, Delivered.AddDays(6));

        inTime.Refused.ShouldBeFalse();
        inTime.AutoApproved.ShouldBeTrue();
        late.Refusals.ShouldBe(["The 5-day return window for this item closed on 2026-03-15."]);
        late.AutoApproved.ShouldBeFalse();
    }

    [Fact]
    public void A_refused_request_lists_each_reason_once_across_its_lines_with_a_resolution_the_policy_does_not_offer_first()
    {
        var tee = Line("TEE", 30m);
        var cap = Line("CAP", 30m);
        RequestedLine[] lines = [new(tee, 1, ReturnReason.TooSmall), new(cap, 3, ReturnReason.TooSmall)];

        var verdict = PolicyEvaluator.Judge(Rules(windowDays: 1, resolutions: ReturnResolution.Refund), Order(tee, cap), ReturnResolution.StoreCredit, lines, null, Delivered.AddDays(3));

        verdict.Refusals.ShouldBe([
            "The return policy does not offer StoreCredit; choose one of: Refund.",
            "The 1-day return window for this item closed on 2026-03-11.",
        ]);
        PolicyEvaluator.LineRefusals(PolicyEvaluator.Evaluate(Rules(), Order(cap), cap, Delivered.AddDays(1)), 3)
            .ShouldBe(["Only 2 unit(s) of this item can still be returned."]);
        PolicyEvaluator.ResolutionRefusal(Rules(), ReturnResolution.Exchange).ShouldBeNull();
    }

    [Fact]
    public void A_request_across_orders_judges_each_line_by_its_own_orders_window_and_each_orders_value_against_the_auto_approval_limit()
    {
        var tee = Line("TEE", 30m);
        var cap = Line("CAP", 80m);
        var early = Order(tee);
        var late = Order(cap) with { DeliveredAt = Delivered.AddDays(10) };
        OrderRequest[] orders = [new(early, [new(tee, 1, ReturnReason.ChangedMind)]), new(late, [new(cap, 1, ReturnReason.ChangedMind)])];

        var verdict = PolicyEvaluator.Judge(Rules(windowDays: 14, autoApproveMaxOrderValue: 100m), orders, ReturnResolution.Refund, null, Delivered.AddDays(20));
        var inTime = PolicyEvaluator.Judge(Rules(windowDays: 14, autoApproveMaxOrderValue: 200m), orders, ReturnResolution.Refund, null, Delivered.AddDays(14));

        verdict.LineRefusals.Keys.ShouldBe([tee.OrderLineId]);
        verdict.Refusals.ShouldBe(["The 14-day return window for this item closed on 2026-03-24."]);
        verdict.Quote.ItemsValue.ShouldBe(110m);
        verdict.ReviewReasons.ShouldBe(["Order value 160.00 EUR is not below the auto-approval limit of 100.00."]);
        inTime.Refused.ShouldBeFalse();
        inTime.AutoApproved.ShouldBeTrue();
    }

    [Fact]
    public void The_verdict_carries_the_quote_with_each_lines_restocking_fee_and_waits_for_a_person_above_the_auto_approval_limit()
    {
        var tee = Line("TEE", 30m);
        var cap = Line("CAP", 40m);
        RequestedLine[] lines = [new(tee, 2, ReturnReason.ChangedMind), new(cap, 1, ReturnReason.Defective)];

        var verdict = PolicyEvaluator.Judge(Rules(restockingFeePercent: 12.5m, autoApproveMaxOrderValue: 100m), Order(tee, cap), ReturnResolution.Refund, lines, "Serial returner", Delivered.AddDays(1));

        verdict.Refused.ShouldBeFalse();
        verdict.Quote.RestockingFee.ShouldBe(7.50m);
        verdict.Quote.LineRestockingFees[tee.OrderLineId].ShouldBe(7.50m);
        verdict.Quote.LineRestockingFees[cap.OrderLineId].ShouldBe(0m);
        verdict.Quote.Total.ShouldBe(92.50m);
        verdict.ReviewReasons.ShouldBe(["Serial returner", "Order value 140.00 EUR is not below the auto-approval limit of 100.00."]);
        verdict.AutoApproved.ShouldBeFalse();
    }
}
