using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.BuildingBlocks.Tests;

/// <summary>What the immediate delivery holds, which the retry job leaves to it.</summary>
public sealed class OutboxSignalTests
{
    private readonly OutboxSignal _signal = new();

    [Fact]
    public void A_signalled_message_is_held_until_the_delivery_is_done_with_it()
    {
        var message = Guid.NewGuid();
        _signal.Holds(message).ShouldBeFalse();

        _signal.Notify([("orders", message)]);
        _signal.Holds(message).ShouldBeTrue();
        _signal.ReaderFor("orders").TryRead(out var queued).ShouldBeTrue();
        queued.ShouldBe(message);

        _signal.Release([message]);
        _signal.Holds(message).ShouldBeFalse();
    }

    [Fact]
    public void A_message_queued_again_while_it_is_delivered_stays_held_until_that_delivery_is_done_too()
    {
        var message = Guid.NewGuid();
        _signal.Notify([("orders", message)]);
        _signal.Notify([("orders", message)]); // a delivery that lost a race queues its message again before it ends

        _signal.Release([message]);
        _signal.Holds(message).ShouldBeTrue("the second delivery has not run yet");

        _signal.Release([message]);
        _signal.Holds(message).ShouldBeFalse();
        _signal.Release([message]);
        _signal.Holds(message).ShouldBeFalse();
    }
}
