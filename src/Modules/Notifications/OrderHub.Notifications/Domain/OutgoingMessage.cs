using System.Linq.Expressions;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.Domain;

/// <summary>
/// Something to send out (an email, a webhook delivery) and its sending state. It is written in the
/// consumer's transaction and sent afterwards by a sender that holds a lease on it, so it is sent after the
/// originating change committed, by one sender at a time, and again only after a crash outlived the lease.
/// </summary>
internal abstract class OutgoingMessage : AggregateRoot<Guid>
{
    public const int MaxErrorLength = 2000;

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>While in the future, one sender owns the message.</summary>
    public DateTime? LockedUntil { get; private set; }

    /// <summary>A failure at or after this time makes the message dead.</summary>
    public DateTime GiveUpAfter { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// Whether a sender may claim the message at <paramref name="now"/>: pending, its attempt due, and no other
    /// sender's lease running. Written as a query because the claim is a conditional update on exactly this.
    /// </summary>
    public static Expression<Func<T, bool>> DueAt<T>(DateTime now)
        where T : OutgoingMessage =>
        m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now);

    protected void Start(DateTime now, RetrySchedule schedule)
    {
        Id = Guid.NewGuid();
        Status = DeliveryStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
        GiveUpAfter = now + schedule.RetryFor;
    }

    /// <summary>
    /// Records one sending attempt and schedules the next one, or gives up once the retry window is over, or at once
    /// when the failure is <paramref name="permanent"/> (the receiver refused this message for good).
    /// </summary>
    public void RecordAttempt(string? error, DateTime now, RetrySchedule schedule, bool permanent = false)
    {
        Attempts++;
        LockedUntil = null;
        if (error is null)
        {
            Status = DeliveryStatus.Sent;
            SentAt = now;
            LastError = null;
            return;
        }

        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (permanent || now >= GiveUpAfter)
        {
            Status = DeliveryStatus.Dead;
            return;
        }

        NextAttemptAt = now + schedule.DelayAfter(Attempts);
    }

    /// <summary>Sends the message again from now on, with a fresh retry window, whatever its status.</summary>
    public void Resend(DateTime now, RetrySchedule schedule)
    {
        if (LockedUntil > now)
        {
            throw new ConflictException("The message is being sent right now; try again in a moment.", "delivery-in-progress");
        }

        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        GiveUpAfter = now + schedule.RetryFor;
    }

    /// <summary>Stops further attempts of a message that was not sent yet.</summary>
    public void Abandon(string reason)
    {
        if (Status == DeliveryStatus.Pending)
        {
            Status = DeliveryStatus.Dead;
            LockedUntil = null;
            LastError = reason;
        }
    }

    /// <summary>The next attempt time, shown only while one is coming.</summary>
    public DateTime? PendingAttemptAt => Status == DeliveryStatus.Pending ? NextAttemptAt : null;
}
