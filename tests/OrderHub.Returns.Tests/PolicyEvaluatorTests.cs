using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Tests;

public sealed class PolicyEvaluatorTests
{
    private static readonly DateTime Delivered = new(2026, 3, 10, 18, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime LastSecondOfDay30 = new(2026, 4, 9, 23, 59, 59, DateTimeKind.Utc);

    private static PolicyRules Rules(
        Dictionary<string, int>? categoryWindows = null,
        Dictionary<string, int>? segmentExtensions = null,
        List<string>? nonReturnableCategories = null,
        List<string>? nonReturnableSkus = null,
        decimal restockingFeePercent = 0m,
        decimal returnShippingFee = 0m,
        decimal? autoApproveMaxOrderValue = null,
        decimal? keepItThreshold = null,
        decimal storeCreditBonusPercent = 0m) =>
        new(
            30, categoryWindows ?? [], segmentExtensions ?? [],
            nonReturnableCategories ?? [], nonReturnableSkus ?? [], restockingFeePercent, returnShippingFee,
            [ReturnResolution.Refund, ReturnResolution.StoreCredit, ReturnResolution.Exchange], autoApproveMaxOrderValue, keepItThreshold, storeCreditBonusPercent,
            14, "W", 50m, 10, 3);

    private static LineFacts Line(string sku = "TEE", int shipped = 2, int onReturns = 0, string? category = "apparel", bool catalogueReturnable = true, decimal unitPrice = 20m) =>
        new(Guid.NewGuid(), sku, 2, shipped, unitPrice, onReturns, category, catalogueReturnable);

    private static OrderFacts Order(LineFacts line, string? segment = null, bool cancelled = false, DateTime? delivered = null, decimal value = 40m) =>
        new(cancelled, delivered, segment, value, "EUR", [line]);

    private static ReturnableLineDto Evaluate(PolicyRules rules, LineFacts line, string? segment = null, DateTime? now = null) =>
        PolicyEvaluator.Evaluate(rules, Order(line, segment, delivered: Delivered), line, now ?? Delivered.AddDays(1));

    private static RequestedLine Requested(int quantity, decimal unitPrice, ReturnReason reason) =>
        new(Line(unitPrice: unitPrice, shipped: quantity), quantity, reason);

    [Fact]
    public void The_deadline_is_the_end_of_the_utc_day_that_closes_the_window()
    {
        var deadline = PolicyEvaluator.Deadline(Delivered, 30);

        deadline.ShouldBe(LastSecondOfDay30.AddTicks(TimeSpan.TicksPerSecond - 1));
        deadline.Kind.ShouldBe(DateTimeKind.Utc);
        PolicyEvaluator.Deadline(Delivered.Date, 30).ShouldBe(deadline);
        PolicyEvaluator.Deadline(Delivered, 0).ShouldBe(Delivered.Date.AddDays(1).AddTicks(-1));
    }

    [Fact]
    public void A_line_is_eligible_until_the_last_second_of_the_window_and_then_says_when_it_closed()
    {
        var line = Line();

        Evaluate(Rules(), line, now: LastSecondOfDay30).Eligible.ShouldBeTrue();
        var closed = Evaluate(Rules(), line, now: LastSecondOfDay30.AddSeconds(1));

        closed.Eligible.ShouldBeFalse();
        closed.ReturnableQuantity.ShouldBe(0);
        closed.Reasons.ShouldBe(["The 30-day return window for this item closed on 2026-04-09."]);
    }

    [Fact]
    public void A_category_window_replaces_the_default_whatever_the_case_of_the_category()
    {
        var rules = Rules(categoryWindows: new() { ["Electronics"] = 14 });

        Evaluate(rules, Line(category: "electronics")).Deadline.ShouldBe(PolicyEvaluator.Deadline(Delivered, 14));
        Evaluate(rules, Line(category: "apparel")).Deadline.ShouldBe(PolicyEvaluator.Deadline(Delivered, 30));
        Evaluate(rules, Line(category: null)).Deadline.ShouldBe(PolicyEvaluator.Deadline(Delivered, 30));
    }

    [Fact]
    public void A_segment_extension_is_added_to_the_window_that_applies()
    {
        var rules = Rules(categoryWindows: new() { ["electronics"] = 14 }, segmentExtensions: new() { ["loyal"] = 30 });

        Evaluate(rules, Line(category: "electronics"), segment: "LOYAL").Deadline.ShouldBe(PolicyEvaluator.Deadline(Delivered, 44));
        Evaluate(rules, Line(), segment: "loyal").Deadline.ShouldBe(PolicyEvaluator.Deadline(Delivered, 60));
        Evaluate(rules, Line(), segment: "new").Deadline.ShouldBe(PolicyEvaluator.Deadline(Delivered, 30));
        Evaluate(rules, Line(), segment: null).Deadline.ShouldBe(PolicyEvaluator.Deadline(Delivered, 30));
        Evaluate(rules, Line(category: "electronics"), segment: "loyal", now: Delivered.Date.AddDays(45)).Reasons
            .ShouldBe(["The 44-day return window for this item closed on 2026-04-23."]);
    }

    [Fact]
    public void Excluded_skus_categories_and_catalogue_flags_each_give_their_reason()
    {
        var rules = Rules(nonReturnableCategories: ["Food"], nonReturnableSkus: ["GIFTCARD"]);

        Evaluate(rules, Line(sku: "giftcard")).Reasons.ShouldBe(["This product cannot be returned."]);
        Evaluate(rules, Line(catalogueReturnable: false)).Reasons.ShouldBe(["This product cannot be returned."]);
        Evaluate(rules, Line(category: "food")).Reasons.ShouldBe(["Items in the category 'food' cannot be returned."]);
        var everything = Evaluate(rules, Line(sku: "GIFTCARD", category: "food", catalogueReturnable: false), now: Delivered.AddDays(40));
        everything.Eligible.ShouldBeFalse();
        everything.Reasons.Count.ShouldBe(3);
        everything.Reasons[0].ShouldStartWith("The 30-day return window");
    }

    [Fact]
    public void Orders_not_delivered_cancelled_or_not_shipped_cannot_be_returned()
    {
        var rules = Rules();
        var line = Line();

        PolicyEvaluator.Evaluate(rules, Order(line), line, Delivered).Reasons.ShouldBe(["The order has not been delivered yet; returns open once it arrives."]);
        PolicyEvaluator.Evaluate(rules, Order(line, cancelled: true), line, Delivered).Reasons.ShouldBe(["The order was cancelled, so there is nothing to return."]);
        var unshipped = Line(shipped: 0);
        PolicyEvaluator.Evaluate(rules, Order(unshipped, delivered: Delivered), unshipped, Delivered).Reasons.ShouldBe(["This item has not been shipped yet."]);
    }

    [Fact]
    public void What_is_already_on_returns_is_no_longer_returnable()
    {
        var partly = Evaluate(Rules(), Line(shipped: 3, onReturns: 1));
        partly.Eligible.ShouldBeTrue();
        partly.ReturnableQuantity.ShouldBe(2);

        var all = Evaluate(Rules(), Line(shipped: 3, onReturns: 3));
        all.Eligible.ShouldBeFalse();
        all.ReturnableQuantity.ShouldBe(0);
        all.Reasons.ShouldBe(["All 3 unit(s) of this item are already on a return."]);
    }

    [Fact]
    public void Fees_are_taken_from_a_change_of_mind_and_rounded_to_cents_away_from_zero()
    {
        var rules = Rules(restockingFeePercent: 5m, returnShippingFee: 1.99m);

        var quote = PolicyEvaluator.Quote(rules, ReturnResolution.Refund, [Requested(1, 10.10m, ReturnReason.ChangedMind)]);

        quote.ItemsValue.ShouldBe(10.10m);
        quote.RestockingFee.ShouldBe(0.51m);
        quote.ShippingFee.ShouldBe(1.99m);
        quote.Total.ShouldBe(7.60m);
        quote.StoreCreditBonus.ShouldBe(0m);
    }

    [Theory]
    [InlineData(ReturnReason.Defective)]
    [InlineData(ReturnReason.Damaged)]
    [InlineData(ReturnReason.WrongItem)]
    public void The_seller_at_fault_pays_no_fee(ReturnReason reason)
    {
        var quote = PolicyEvaluator.Quote(Rules(restockingFeePercent: 10m, returnShippingFee: 4.95m), ReturnResolution.Refund, [Requested(2, 20m, reason)]);

        quote.RestockingFee.ShouldBe(0m);
        quote.ShippingFee.ShouldBe(0m);
        quote.Total.ShouldBe(40m);
    }

    [Fact]
    public void One_line_at_the_sellers_fault_waives_shipping_but_the_other_lines_still_pay_restocking()
    {
        var quote = PolicyEvaluator.Quote(Rules(restockingFeePercent: 10m, returnShippingFee: 4.95m), ReturnResolution.Refund,
            [Requested(1, 20m, ReturnReason.TooSmall), Requested(1, 30m, ReturnReason.WrongItem)]);

        quote.RestockingFee.ShouldBe(2m);
        quote.ShippingFee.ShouldBe(0m);
        quote.Total.ShouldBe(48m);
    }

    [Fact]
    public void An_exchange_pays_no_fee_and_refunds_nothing()
    {
        var quote = PolicyEvaluator.Quote(Rules(restockingFeePercent: 10m, returnShippingFee: 4.95m, storeCreditBonusPercent: 10m), ReturnResolution.Exchange,
            [Requested(1, 20m, ReturnReason.TooSmall)]);

        quote.ItemsValue.ShouldBe(20m);
        quote.RestockingFee.ShouldBe(0m);
        quote.ShippingFee.ShouldBe(0m);
        quote.StoreCreditBonus.ShouldBe(0m);
        quote.Total.ShouldBe(0m);
    }

    [Fact]
    public void Store_credit_adds_the_bonus_on_what_is_left_after_fees()
    {
        var quote = PolicyEvaluator.Quote(Rules(restockingFeePercent: 10m, storeCreditBonusPercent: 5m), ReturnResolution.StoreCredit,
            [Requested(1, 11.23m, ReturnReason.TooLarge)]);

        quote.RestockingFee.ShouldBe(1.12m);
        quote.StoreCreditBonus.ShouldBe(0.51m);
        quote.Total.ShouldBe(10.62m);
    }

    [Fact]
    public void Fees_larger_than_the_value_leave_nothing_rather_than_a_debt()
    {
        var quote = PolicyEvaluator.Quote(Rules(returnShippingFee: 9.95m), ReturnResolution.Refund, [Requested(1, 5m, ReturnReason.ChangedMind)]);

        quote.Total.ShouldBe(0m);
    }

    [Fact]
    public void Only_lines_worth_less_than_the_keep_it_threshold_are_kept_and_never_in_an_exchange()
    {
        var rules = Rules(keepItThreshold: 15m, returnShippingFee: 4.95m);
        var cheap = Requested(1, 14.99m, ReturnReason.ChangedMind);
        var atThreshold = Requested(1, 15m, ReturnReason.ChangedMind);
        var twoCheap = Requested(2, 10m, ReturnReason.ChangedMind);

        var quote = PolicyEvaluator.Quote(rules, ReturnResolution.Refund, [cheap, atThreshold, twoCheap]);
        quote.KeepItLines.ShouldBe([cheap.Line.OrderLineId]);
        quote.ShippingFee.ShouldBe(4.95m);

        var keptOnly = PolicyEvaluator.Quote(rules, ReturnResolution.Refund, [cheap]);
        keptOnly.KeepItLines.ShouldBe([cheap.Line.OrderLineId]);
        keptOnly.ShippingFee.ShouldBe(0m, "nothing is sent back, so there is no return shipping");
        keptOnly.Total.ShouldBe(14.99m);

        PolicyEvaluator.Quote(rules, ReturnResolution.Exchange, [cheap]).KeepItLines.ShouldBeEmpty();
        PolicyEvaluator.Quote(Rules(), ReturnResolution.Refund, [cheap]).KeepItLines.ShouldBeEmpty();
    }

    [Fact]
    public void A_customer_is_a_serial_returner_from_the_threshold_share_of_enough_recent_orders()
    {
        var rules = Rules() with { SerialReturnerThresholdPercent = 50m, SerialReturnerMinimumOrders = 4 };

        PolicyEvaluator.SerialReturner(rules, 3, 3).ShouldBeNull();
        PolicyEvaluator.SerialReturner(rules, 4, 1).ShouldBeNull();
        PolicyEvaluator.SerialReturner(rules, 4, 2).ShouldBe("Serial returner: 2 of the last 4 orders were returned (50% ≥ 50%).");
        PolicyEvaluator.SerialReturner(rules, 10, 7).ShouldBe("Serial returner: 7 of the last 10 orders were returned (70% ≥ 50%).");
    }

    [Fact]
    public void Nobody_without_orders_is_a_serial_returner_even_when_the_policy_asks_for_none()
    {
        var rules = Rules() with { SerialReturnerThresholdPercent = 0m, SerialReturnerMinimumOrders = 0 };

        PolicyEvaluator.SerialReturner(rules, 0, 0).ShouldBeNull();
        PolicyEvaluator.SerialReturner(rules, 1, 0).ShouldNotBeNull();
    }

    [Fact]
    public void Review_reasons_explain_why_a_person_must_look_at_the_request()
    {
        var line = Line();
        var order = Order(line, delivered: Delivered, value: 40m);

        PolicyEvaluator.ReviewReasons(Rules(), order, null).ShouldBe(["The policy does not approve returns automatically."]);
        PolicyEvaluator.ReviewReasons(Rules(autoApproveMaxOrderValue: 40m), order, null).ShouldBe(["Order value 40.00 EUR is not below the auto-approval limit of 40.00."]);
        PolicyEvaluator.ReviewReasons(Rules(autoApproveMaxOrderValue: 40.01m), order, null).ShouldBeEmpty();
        PolicyEvaluator.ReviewReasons(Rules(autoApproveMaxOrderValue: 100m), order, "Serial returner: flagged").ShouldBe(["Serial returner: flagged"]);
        PolicyEvaluator.ReviewReasons(Rules(), order, "Serial returner: flagged").Count.ShouldBe(2);
    }
    [Fact]
    public void The_quoted_refund_and_the_refund_after_grading_agree_to_the_cent()
    {
        var rules = PolicyRules.Default with { RestockingFeePercent = 5m };
        var first = new LineFacts(Guid.NewGuid(), "A", 1, 1, 10.10m, 0, "apparel", true);
        var second = first with { OrderLineId = Guid.NewGuid() };
        var quote = PolicyEvaluator.Quote(rules, ReturnResolution.Refund,
            [new RequestedLine(first, 1, ReturnReason.ChangedMind), new RequestedLine(second, 1, ReturnReason.ChangedMind)]);

        var graded = new ReturnLine((Guid.NewGuid(), "ORD-000001"), first.OrderLineId, "A", 1, 10.10m, ReturnReason.ChangedMind, null, false).Grade(ItemCondition.New, Disposition.Restock, 5m)
            + new ReturnLine((Guid.NewGuid(), "ORD-000001"), second.OrderLineId, "A", 1, 10.10m, ReturnReason.ChangedMind, null, false).Grade(ItemCondition.New, Disposition.Restock, 5m);

        quote.RestockingFee.ShouldBe(1.02m);
        graded.ShouldBe(quote.Total);
    }
}
