using OrderHub.BuildingBlocks.Domain;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.Tests;

public sealed class LeaseTests
{
    private readonly WebhookOptions _schedule = Messages.Schedule();

    [Fact]
    public void A_pending_message_is_due_once_its_attempt_time_has_come()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.RecordAttempt("HTTP 500", Messages.Created, _schedule);

        delivery.IsDueAt(delivery.NextAttemptAt.AddTicks(-1)).ShouldBeFalse();
        delivery.IsDueAt(delivery.NextAttemptAt).ShouldBeTrue();
    }

    [Fact]
    public void A_message_under_another_senders_lease_is_not_due()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.LeaseUntil(Messages.Created.AddMinutes(2));

        delivery.IsDueAt(Messages.Created.AddMinutes(1)).ShouldBeFalse();
    }

    [Fact]
    public void A_message_whose_lease_ran_out_is_due_again()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.LeaseUntil(Messages.Created.AddMinutes(2));

        delivery.IsDueAt(Messages.Created.AddMinutes(2)).ShouldBeFalse("the lease holds up to its very end");
        delivery.IsDueAt(Messages.Created.AddMinutes(2).AddTicks(1)).ShouldBeTrue();
    }

    [Fact]
    public void Sent_and_dead_messages_are_never_due()
    {
        var sent = Messages.Delivery(_schedule);
        sent.RecordAttempt(null, Messages.Created, _schedule);
        var dead = Messages.Delivery(_schedule);
        dead.Abandon("The subscription was deactivated.");

        sent.Status.ShouldBe(DeliveryStatus.Sent);
        sent.IsDueAt(Messages.Created.AddDays(1)).ShouldBeFalse();
        dead.IsDueAt(Messages.Created.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Recording_an_attempt_releases_the_lease()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.LeaseUntil(Messages.Created.AddMinutes(2));

        delivery.RecordAttempt("HTTP 500", Messages.Created.AddSeconds(1), _schedule);

        delivery.LockedUntil.ShouldBeNull();
        delivery.IsDueAt(delivery.NextAttemptAt).ShouldBeTrue();
    }

    [Fact]
    public void Resending_a_message_while_a_sender_holds_it_is_a_conflict()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.LeaseUntil(Messages.Created.AddMinutes(2));

        var conflict = Should.Throw<ConflictException>(() => delivery.Resend(Messages.Created.AddMinutes(1), _schedule));

        conflict.Message.ShouldContain("being sent right now");
    }

    [Fact]
    public void Resending_after_the_lease_ran_out_is_allowed()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.LeaseUntil(Messages.Created.AddMinutes(2));

        delivery.Resend(Messages.Created.AddMinutes(3), _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.NextAttemptAt.ShouldBe(Messages.Created.AddMinutes(3));
    }
}
