using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Tests;

public sealed class ReturnRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (Guid Id, string Number) Order = (Guid.NewGuid(), "ORD-000001");

    private static ReturnRequest Request(ReturnResolution resolution = ReturnResolution.Refund, decimal shippingFee = 0m, params ReturnLine[] lines) =>
        ReturnRequest.Request(
            7, null, ("ada@example.com", "Ada", "fr"), "EUR", resolution, resolution == ReturnResolution.Exchange ? "TEE-L" : null, 2,
            (lines.Sum(l => l.Quantity * l.UnitPrice), 0m, shippingFee, 0m, 0m), [], ("W", "pinned by policy v2"),
            lines.Length == 0 ? [SentBack(ReturnReason.TooSmall)] : lines, "tester", Now);

    private static ReturnLine SentBack(ReturnReason reason, decimal unitPrice = 20m, int quantity = 1) =>
        new(Order, Guid.NewGuid(), "TEE", quantity, unitPrice, reason, null, keepIt: false);

    private static ReturnLine Kept(ReturnReason reason = ReturnReason.ChangedMind) => new(Order, Guid.NewGuid(), "SOCKS", 1, 5m, reason, null, keepIt: true);

    private static ReturnRequest Received(ReturnRequest rma)
    {
        rma.Approve(Policy(), "tester", Now);
        rma.Receive("W", "dock", Now.AddDays(2));
        return rma;
    }

    private static Dictionary<Guid, (ItemCondition, Disposition)> Grades(IEnumerable<ReturnLine> lines, ItemCondition condition = ItemCondition.New) =>
        lines.ToDictionary(l => l.Id, _ => (condition, Disposition.Restock));

    /// <summary>The version every request here is judged under (version 2), with the given fees.</summary>
    private static ReturnPolicy Policy(decimal restockingFeePercent = 0m, decimal bonusPercent = 0m, int daysToShip = 14, int version = 2) =>
        ReturnPolicy.Create(version, PolicyRules.Default with { RestockingFeePercent = restockingFeePercent, StoreCreditBonusPercent = bonusPercent, DaysToShip = daysToShip }, "tester", Now);

    private static void Complete(ReturnRequest rma, IReadOnlyDictionary<Guid, (ItemCondition, Disposition)> grades, decimal restockingFeePercent = 0m, decimal bonusPercent = 0m) =>
        rma.Complete(grades, Policy(restockingFeePercent, bonusPercent), "inspector", Now.AddDays(3));

    [Fact]
    public void A_request_gets_its_rma_number_and_starts_the_timeline()
    {
        var rma = Request();

        rma.RmaNumber.ShouldBe("RMA-000007");
        rma.Status.ShouldBe(ReturnStatus.Requested);
        rma.Timeline.Select(t => t.Event).ShouldBe(["ReturnRequested"]);
    }

    [Fact]
    public void Approval_sets_the_date_to_ship_by_unless_everything_is_kept()
    {
        var rma = Request();
        rma.Approve(Policy(), "tester", Now);
        rma.Status.ShouldBe(ReturnStatus.Approved);
        rma.ShipBy.ShouldBe(Now.AddDays(14));

        var kept = Request(lines: Kept());
        kept.Approve(Policy(), "tester", Now);
        kept.ShipBy.ShouldBeNull();
    }

    [Fact]
    public void Only_a_requested_return_can_be_approved_or_rejected()
    {
        var approved = Request();
        approved.Approve(Policy(), "tester", Now);
        Should.Throw<ConflictException>(() => approved.Approve(Policy(), "tester", Now));
        Should.Throw<ConflictException>(() => approved.Reject("late", "tester", Now));

        var rejected = Request();
        rejected.Reject("worn", "tester", Now);
        rejected.RejectionReason.ShouldBe("worn");
        Should.Throw<ConflictException>(() => rejected.Approve(Policy(), "tester", Now));
        Should.Throw<ConflictException>(() => rejected.Cancel("tester", Now));
    }

    [Fact]
    public void A_return_can_be_cancelled_until_it_is_received()
    {
        var requested = Request();
        requested.Cancel("customer", Now);
        requested.Status.ShouldBe(ReturnStatus.Cancelled);
        Should.Throw<ConflictException>(() => requested.Cancel("customer", Now));

        var approved = Request();
        approved.Approve(Policy(), "tester", Now);
        approved.Cancel("customer", Now);
        approved.Status.ShouldBe(ReturnStatus.Cancelled);

        var received = Received(Request());
        Should.Throw<ConflictException>(() => received.Cancel("customer", Now));
        received.Status.ShouldBe(ReturnStatus.Received);
    }

    [Fact]
    public void Only_an_approved_return_expires_or_is_received()
    {
        var requested = Request();
        requested.Expire("job", Now.AddDays(30)).ShouldBeFalse();
        requested.Status.ShouldBe(ReturnStatus.Requested);
        Should.Throw<ConflictException>(() => requested.Receive("W", "dock", Now));

        var expired = Request();
        expired.Approve(Policy(), "tester", Now);
        expired.Expire("job", Now.AddDays(15)).ShouldBeTrue();
        expired.Status.ShouldBe(ReturnStatus.Expired);
        Should.Throw<ConflictException>(() => expired.Receive("W", "dock", Now.AddDays(15)));

        var received = Received(Request());
        Should.Throw<ConflictException>(() => received.Receive("W", "dock", Now.AddDays(2)));
        received.Expire("job", Now.AddDays(15)).ShouldBeFalse();
        received.Status.ShouldBe(ReturnStatus.Received);
    }

    [Fact]
    public void A_return_the_customer_keeps_is_never_received()
    {
        var kept = Request(lines: Kept());
        kept.Approve(Policy(), "tester", Now);

        Should.Throw<ConflictException>(() => kept.Receive("W", "dock", Now));
    }

    [Fact]
    public void Only_a_received_return_can_be_inspected()
    {
        var requested = Request();
        Should.Throw<ConflictException>(() => Complete(requested, Grades(requested.Lines)));

        var approved = Request();
        approved.Approve(Policy(), "tester", Now);
        Should.Throw<ConflictException>(() => Complete(approved, Grades(approved.Lines)));
    }

    [Fact]
    public void Inspection_must_grade_exactly_the_lines_that_were_sent_back()
    {
        var first = SentBack(ReturnReason.TooSmall);
        var second = SentBack(ReturnReason.TooLarge);
        var kept = Kept();
        var rma = Received(Request(ReturnResolution.Refund, 0m, first, second, kept));

        Should.Throw<BusinessRuleException>(() => Complete(rma, Grades([first]))).Code.ShouldBe("inspection-incomplete");
        Should.Throw<BusinessRuleException>(() => Complete(rma, Grades([first, second, kept])));
        var unknown = Grades([first, second]);
        unknown[Guid.NewGuid()] = (ItemCondition.New, Disposition.Restock);
        Should.Throw<BusinessRuleException>(() => Complete(rma, unknown));
        rma.Status.ShouldBe(ReturnStatus.Received);

        Complete(rma, Grades([first, second]));
        rma.Status.ShouldBe(ReturnStatus.Completed);
    }

    [Fact]
    public void A_refund_keeps_the_restocking_fee_and_the_shipping_fee_unless_the_item_came_back_defective()
    {
        var changedMind = SentBack(ReturnReason.ChangedMind, unitPrice: 20m);
        var defective = SentBack(ReturnReason.TooSmall, unitPrice: 30m);
        var wrongItem = SentBack(ReturnReason.WrongItem, unitPrice: 10m);
        var rma = Received(Request(ReturnResolution.Refund, 2.50m, changedMind, defective, wrongItem));
        var grades = Grades([changedMind, wrongItem]);
        grades[defective.Id] = (ItemCondition.Defective, Disposition.ReturnToVendor);

        Complete(rma, grades, restockingFeePercent: 10m);

        changedMind.RefundAmount.ShouldBe(18m);
        defective.RefundAmount.ShouldBe(30m);
        wrongItem.RefundAmount.ShouldBe(10m);
        rma.RefundAmount.ShouldBe(55.50m);
        rma.StoreCreditAmount.ShouldBeNull();
        rma.Timeline[^1].Detail.ShouldBe("refund 55.50 EUR");
    }

    [Fact]
    public void Store_credit_adds_the_bonus_and_an_exchange_records_its_order()
    {
        var credit = Received(Request(ReturnResolution.StoreCredit));
        Complete(credit, Grades(credit.Lines), bonusPercent: 10m);
        credit.StoreCreditAmount.ShouldBe(22m);
        credit.RefundAmount.ShouldBeNull();

        var exchange = Received(Request(ReturnResolution.Exchange));
        Complete(exchange, Grades(exchange.Lines));
        exchange.RecordExchangeOrder("ORD-000042", Now.AddDays(3));
        exchange.ExchangeOrderNumber.ShouldBe("ORD-000042");
        exchange.RefundAmount.ShouldBeNull();
        exchange.StoreCreditAmount.ShouldBeNull();
    }

    [Fact]
    public void A_return_the_customer_keeps_completes_from_approval_without_grades()
    {
        var kept = Request(ReturnResolution.Refund, 0m, Kept(ReturnReason.Damaged));
        kept.Approve(Policy(), "tester", Now);

        Complete(kept, Grades([]), restockingFeePercent: 10m);

        kept.Status.ShouldBe(ReturnStatus.Completed);
        kept.RefundAmount.ShouldBe(5m);
        kept.Timeline.Select(t => t.Event).ShouldBe(["ReturnRequested", "ReturnApproved", "ReturnCompleted"]);
    }

    [Fact]
    public void A_return_is_approved_and_settled_only_under_the_policy_version_it_was_judged_under()
    {
        var requested = Request();
        Should.Throw<InvalidOperationException>(() => requested.Approve(Policy(version: 3), "tester", Now)).Message.ShouldContain("version 2");
        requested.Status.ShouldBe(ReturnStatus.Requested);

        var received = Received(Request(ReturnResolution.StoreCredit));
        Should.Throw<InvalidOperationException>(() => received.Complete(Grades(received.Lines), Policy(restockingFeePercent: 50m, version: 3), "inspector", Now));
        received.Status.ShouldBe(ReturnStatus.Received);
        received.StoreCreditAmount.ShouldBeNull();

        received.Complete(Grades(received.Lines), Policy(restockingFeePercent: 10m, bonusPercent: 10m), "inspector", Now);
        received.StoreCreditAmount.ShouldBe(19.80m);
    }

    [Fact]
    public void Approval_gives_the_days_to_ship_of_the_requests_own_version()
    {
        var rma = Request();
        rma.Approve(Policy(daysToShip: 5), "tester", Now);
        rma.ShipBy.ShouldBe(Now.AddDays(5));
    }

    [Fact]
    public void Reminders_and_overdue_inspections_are_recorded_on_the_timeline()
    {
        var approved = Request();
        approved.Approve(Policy(daysToShip: 3), "tester", Now);
        approved.RemindOfExpiry(TimeSpan.FromDays(2), "job", Now.AddDays(1));
        approved.ExpiryReminderAt.ShouldBe(Now.AddDays(1));

        var received = Received(Request());
        received.FlagInspectionOverdue(TimeSpan.FromHours(48), "job", Now.AddDays(5));
        received.InspectionOverdueSince.ShouldBe(Now.AddDays(5));
        received.Timeline[^1].Event.ShouldBe("InspectionOverdue");
        received.Timeline.Select(t => t.Status).ShouldBe([ReturnStatus.Requested, ReturnStatus.Approved, ReturnStatus.Received, ReturnStatus.Received]);
    }
}
