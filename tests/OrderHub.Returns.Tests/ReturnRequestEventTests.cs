using OrderHub.BuildingBlocks.Domain;
using ReturnResolution = OrderHub.Returns.Contracts.ReturnResolution;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Domain.Events;
using static OrderHub.Returns.Tests.ReturnRequestFixtures;

namespace OrderHub.Returns.Tests;

/// <summary>Every transition of a return raises its domain event, which the module maps to its integration event.</summary>
public sealed class ReturnRequestEventTests
{
    private static IDomainEvent Last(ReturnRequest rma) => rma.DomainEvents[^1];

    [Fact]
    public void A_request_raises_ReturnRequested()
    {
        var rma = Requested();

        rma.DomainEvents.ShouldHaveSingleItem().ShouldBe(new ReturnRequested(rma, Now));
    }

    [Fact]
    public void Approval_raises_ReturnApproved()
    {
        var rma = Approved();

        Last(rma).ShouldBe(new ReturnApproved(rma, Now));
    }

    [Fact]
    public void Rejection_raises_ReturnRejected_with_the_reason()
    {
        var rma = Requested();
        rma.Reject("worn", "staff", Now.AddHours(1));

        Last(rma).ShouldBe(new ReturnRejected(rma, "worn", Now.AddHours(1)));
    }

    [Fact]
    public void Cancelling_raises_ReturnCancelled()
    {
        var rma = Approved();
        rma.Cancel("customer", Now.AddHours(1));

        Last(rma).ShouldBe(new ReturnCancelled(rma, Now.AddHours(1)));
    }

    [Fact]
    public void The_dock_scan_raises_ReturnReceived()
    {
        var rma = Received();

        Last(rma).ShouldBe(new ReturnReceived(rma, Now.AddDays(2)));
    }

    [Fact]
    public void Settling_a_refund_raises_ReturnCompleted()
    {
        var rma = Completed();

        Last(rma).ShouldBe(new ReturnCompleted(rma, Now.AddDays(3)));
    }

    [Fact]
    public void An_exchange_raises_ReturnCompleted_only_once_its_replacement_order_exists()
    {
        var rma = Completed(ReturnResolution.Exchange);
        rma.DomainEvents.OfType<ReturnCompleted>().ShouldBeEmpty();

        rma.RecordExchangeOrder("ORD-000042", Now.AddDays(4));

        Last(rma).ShouldBe(new ReturnCompleted(rma, Now.AddDays(4)));
        rma.ExchangeOrderNumber.ShouldBe("ORD-000042");
    }

    [Fact]
    public void Only_a_completed_exchange_records_a_replacement_order_and_only_once()
    {
        Should.Throw<InvalidOperationException>(() => Received(ReturnResolution.Exchange).RecordExchangeOrder("ORD-000042", Now));
        Should.Throw<InvalidOperationException>(() => Completed().RecordExchangeOrder("ORD-000042", Now));

        var exchange = Completed(ReturnResolution.Exchange);
        exchange.RecordExchangeOrder("ORD-000042", Now);
        Should.Throw<InvalidOperationException>(() => exchange.RecordExchangeOrder("ORD-000043", Now));
        exchange.ExchangeOrderNumber.ShouldBe("ORD-000042");
    }

    [Fact]
    public void The_deadlines_raise_ReturnExpiring_ReturnExpired_and_InspectionOverdueFlagged()
    {
        var reminded = Approved();
        reminded.RemindOfExpiry(TimeSpan.FromDays(2), "job", Now.AddDays(13));
        Last(reminded).ShouldBe(new ReturnExpiring(reminded, Now.AddDays(13)));

        var expired = Approved();
        expired.Expire("job", Now.AddDays(14));
        Last(expired).ShouldBe(new ReturnExpired(expired, Now.AddDays(14)));

        var overdue = Received();
        overdue.FlagInspectionOverdue(TimeSpan.FromHours(48), "job", Now.AddDays(5));
        Last(overdue).ShouldBe(new InspectionOverdueFlagged(overdue, Now.AddDays(5)));
    }

    [Fact]
    public void A_refused_transition_raises_nothing()
    {
        var rma = Received();
        var raised = rma.DomainEvents.Count;

        Should.Throw<ConflictException>(() => rma.Cancel("customer", Now));
        rma.Expire("job", Now.AddDays(30));
        rma.RemindOfExpiry(TimeSpan.FromDays(2), "job", Now.AddDays(13));

        rma.DomainEvents.Count.ShouldBe(raised);
    }
}
