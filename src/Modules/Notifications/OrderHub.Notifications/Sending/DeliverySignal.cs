using System.Threading.Channels;

namespace OrderHub.Notifications.Sending;

/// <summary>Wakes the sender when new messages committed; nudges that arrive while one is pending merge into it.</summary>
internal sealed class DeliverySignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<bool> Reader => _channel.Reader;

    public void Nudge() => _channel.Writer.TryWrite(true);
}
