using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Sending;

/// <summary>Sends one kind of outgoing message (email, webhook) and records the attempt on it.</summary>
internal interface IOutgoingChannel<in T>
    where T : OutgoingMessage
{
    /// <summary>False while the channel lacks configuration; its messages then wait.</summary>
    bool Enabled { get; }

    /// <summary>Sends the message once and records the outcome with <see cref="OutgoingMessage.RecordAttempt"/>; never throws for a failed send.</summary>
    Task SendAsync(T message, CancellationToken cancellationToken);
}
