using OrderHub.Returns.Contracts;
using static OrderHub.Returns.Tests.ReturnRequestFixtures;

namespace OrderHub.Returns.Tests;

/// <summary>The deadline rules the return keeps itself; the deadline job only asks it.</summary>
public sealed class ReturnDeadlineTests
{
    private static readonly TimeSpan ReminderLead = TimeSpan.FromDays(2);
    private static readonly TimeSpan InspectionDue = TimeSpan.FromHours(48);
    private static readonly DateTime ShipBy = Now.AddDays(14);

    [Fact]
    public void An_approved_return_expires_once_its_ship_by_date_has_passed_and_not_before()
    {
        var rma = Approved();

        rma.Expire("job", ShipBy.AddTicks(-1)).ShouldBeFalse();
        rma.Status.ShouldBe(ReturnStatus.Approved);

        rma.Expire("job", ShipBy).ShouldBeTrue();
        rma.Status.ShouldBe(ReturnStatus.Expired);
    }

    [Fact]
    public void A_return_that_is_not_approved_never_expires()
    {
        foreach (var rma in new[] { Requested(), Received(), Completed() })
        {
            var status = rma.Status;
            rma.Expire("job", ShipBy.AddDays(30)).ShouldBeFalse();
            rma.Status.ShouldBe(status);
        }
    }

    [Fact]
    public void An_expired_return_does_not_expire_again()
    {
        var rma = Approved();
        rma.Expire("job", ShipBy);

        rma.Expire("job", ShipBy.AddDays(1)).ShouldBeFalse();
        rma.Timeline.Count(t => t.Event == "ReturnExpired").ShouldBe(1);
    }

    [Fact]
    public void The_customer_is_reminded_only_within_the_lead_before_the_ship_by_date()
    {
        var rma = Approved();

        rma.RemindOfExpiry(ReminderLead, "job", ShipBy - ReminderLead - TimeSpan.FromTicks(1)).ShouldBeFalse();
        rma.ExpiryReminderAt.ShouldBeNull();

        rma.RemindOfExpiry(ReminderLead, "job", ShipBy - ReminderLead).ShouldBeTrue();
        rma.ExpiryReminderAt.ShouldBe(ShipBy - ReminderLead);
    }

    [Fact]
    public void The_customer_is_reminded_of_expiry_once()
    {
        var rma = Approved();
        rma.RemindOfExpiry(ReminderLead, "job", ShipBy.AddDays(-1));

        rma.RemindOfExpiry(ReminderLead, "job", ShipBy.AddHours(-1)).ShouldBeFalse();
        rma.ExpiryReminderAt.ShouldBe(ShipBy.AddDays(-1));
        rma.Timeline.Count(t => t.Event == "ReturnExpiring").ShouldBe(1);
    }

    [Fact]
    public void A_return_past_its_ship_by_date_is_not_reminded_because_it_expires()
    {
        var rma = Approved();

        rma.RemindOfExpiry(ReminderLead, "job", ShipBy).ShouldBeFalse();
        rma.ExpiryReminderAt.ShouldBeNull();
    }

    [Fact]
    public void Only_an_approved_return_is_reminded_of_expiry()
    {
        foreach (var rma in new[] { Requested(), Received() })
        {
            rma.RemindOfExpiry(ReminderLead, "job", ShipBy.AddDays(-1)).ShouldBeFalse();
            rma.ExpiryReminderAt.ShouldBeNull();
        }
    }

    [Fact]
    public void A_return_with_nothing_to_send_back_is_neither_reminded_nor_expired()
    {
        var kept = Requested(keepIt: true);
        kept.Approve(Policy, "tester", Now);

        kept.RemindOfExpiry(ReminderLead, "job", ShipBy.AddDays(-1)).ShouldBeFalse();
        kept.Expire("job", ShipBy.AddDays(30)).ShouldBeFalse();
        kept.Status.ShouldBe(ReturnStatus.Approved);
    }

    [Fact]
    public void A_received_return_is_flagged_for_inspection_only_once_inspection_is_due()
    {
        var rma = Received();
        var due = Now.AddDays(2) + InspectionDue;

        rma.FlagInspectionOverdue(InspectionDue, "job", due.AddTicks(-1)).ShouldBeFalse();
        rma.InspectionOverdueSince.ShouldBeNull();

        rma.FlagInspectionOverdue(InspectionDue, "job", due).ShouldBeTrue();
        rma.InspectionOverdueSince.ShouldBe(due);
    }

    [Fact]
    public void An_overdue_inspection_is_flagged_once()
    {
        var rma = Received();
        rma.FlagInspectionOverdue(InspectionDue, "job", Now.AddDays(5));

        rma.FlagInspectionOverdue(InspectionDue, "job", Now.AddDays(6)).ShouldBeFalse();
        rma.InspectionOverdueSince.ShouldBe(Now.AddDays(5));
        rma.Timeline.Count(t => t.Event == "InspectionOverdue").ShouldBe(1);
    }

    [Fact]
    public void Only_a_received_return_is_flagged_for_inspection()
    {
        foreach (var rma in new[] { Requested(), Approved(), Completed() })
        {
            rma.FlagInspectionOverdue(InspectionDue, "job", Now.AddDays(30)).ShouldBeFalse();
            rma.InspectionOverdueSince.ShouldBeNull();
        }
    }
}
