using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.Tests;

public sealed class RetryWindowTests
{
    private readonly WebhookOptions _schedule = Messages.Schedule();

    [Fact]
    public void A_new_message_is_pending_and_due_at_once()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.Attempts.ShouldBe(0);
        delivery.NextAttemptAt.ShouldBe(Messages.Created);
        delivery.GiveUpAfter.ShouldBe(Messages.Created + _schedule.RetryFor);
    }

    [Fact]
    public void A_failure_inside_the_retry_window_schedules_the_next_attempt_by_the_backoff()
    {
        var delivery = Messages.Delivery(_schedule);
        var failedAt = Messages.Created.AddSeconds(1);

        delivery.RecordAttempt("connection refused", failedAt, _schedule);
        delivery.RecordAttempt("connection refused", failedAt.AddSeconds(10), _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.Attempts.ShouldBe(2);
        delivery.NextAttemptAt.ShouldBe(failedAt.AddSeconds(10) + TimeSpan.FromSeconds(20));
        delivery.PendingAttemptAt.ShouldBe(delivery.NextAttemptAt);
    }

    [Fact]
    public void A_permanent_failure_inside_the_retry_window_makes_the_message_dead_at_once()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordAttempt("SMTP 550 recipient <x@example.test> rejected: mailbox unavailable", Messages.Created.AddSeconds(1), _schedule, permanent: true);

        delivery.Status.ShouldBe(DeliveryStatus.Dead);
        delivery.Attempts.ShouldBe(1);
        delivery.PendingAttemptAt.ShouldBeNull("no attempt follows a refusal for good");
        delivery.LastError.ShouldBe("SMTP 550 recipient <x@example.test> rejected: mailbox unavailable");
    }

    [Fact]
    public void A_failure_once_the_retry_window_is_over_makes_the_message_dead()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordAttempt("still failing", Messages.Created + _schedule.RetryFor, _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Dead);
        delivery.PendingAttemptAt.ShouldBeNull("a dead message shows no next attempt");
        delivery.LastError.ShouldBe("still failing");
    }

    [Fact]
    public void A_failure_just_before_the_window_ends_is_still_retried()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordAttempt("still failing", Messages.Created + _schedule.RetryFor - TimeSpan.FromTicks(1), _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Pending);
    }

    [Fact]
    public void A_success_marks_the_message_sent_and_clears_the_last_error()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.RecordAttempt("timeout", Messages.Created, _schedule);
        var sentAt = Messages.Created.AddSeconds(11);

        delivery.RecordAttempt(null, sentAt, _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Sent);
        delivery.SentAt.ShouldBe(sentAt);
        delivery.LastError.ShouldBeNull();
        delivery.PendingAttemptAt.ShouldBeNull();
    }

    [Fact]
    public void A_long_error_is_cut_to_the_stored_length()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordAttempt(new string('x', 5000), Messages.Created, _schedule);

        delivery.LastError!.Length.ShouldBe(Domain.OutgoingMessage.MaxErrorLength);
    }

    [Fact]
    public void Resending_a_dead_message_makes_it_pending_with_a_fresh_retry_window()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.RecordAttempt("gone", Messages.Created + _schedule.RetryFor, _schedule);
        var resentAt = Messages.Created.AddDays(2);

        delivery.Resend(resentAt, _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.NextAttemptAt.ShouldBe(resentAt);
        delivery.GiveUpAfter.ShouldBe(resentAt + _schedule.RetryFor);
    }

    [Fact]
    public void Abandoning_stops_a_pending_message_with_the_reason()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.Abandon("The subscription was deactivated.");

        delivery.Status.ShouldBe(DeliveryStatus.Dead);
        delivery.LastError.ShouldBe("The subscription was deactivated.");
    }

    [Fact]
    public void Abandoning_leaves_a_sent_message_as_it_was()
    {
        var delivery = Messages.Delivery(_schedule);
        delivery.RecordAttempt(null, Messages.Created, _schedule);

        delivery.Abandon("The subscription was deactivated.");

        delivery.Status.ShouldBe(DeliveryStatus.Sent);
        delivery.LastError.ShouldBeNull();
    }
}
