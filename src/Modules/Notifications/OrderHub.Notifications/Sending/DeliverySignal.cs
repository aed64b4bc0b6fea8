using System.Threading.Channels;
using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Wakes the sender of one kind of message (emails, webhook deliveries) when new ones committed or are due;
/// nudges that arrive while one is pending merge into it. Each kind has its own, so neither waits for the other.
/// </summary>
internal sealed class DeliverySignal<T>
    where T : OutgoingMessage
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<bool> Reader => _channel.Reader;

    public void Nudge() => _channel.Writer.TryWrite(true);
}
