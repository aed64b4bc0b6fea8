using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// Receivers that never answer hold a delivery until the webhook timeout (15 s). Whatever had to wait behind
/// them would arrive only after it, so everything else must arrive well before.
/// </summary>
public sealed class SlowWebhookReceiverTests(NotificationsApp app) : IntegrationTest<NotificationsApp>(app)
{
    private static readonly TimeSpan WellBeforeTheTimeout = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task A_webhook_receiver_that_never_answers_does_not_delay_a_customer_email()
    {
        await using var first = await WebhookReceiver.StartAsync(neverAnswer: true);
        await using var second = await WebhookReceiver.StartAsync(neverAnswer: true);
        await HoldDeliveriesAsync(first, second);

        var email = $"waiting-{Guid.NewGuid():N}@example.test";
        await App.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order(email)));

        await Eventually.HoldsAsync(() => Task.FromResult(App.Smtp.ReceivedBy(email).Count == 1), "the confirmation reaches the SMTP server while the receivers hang", WellBeforeTheTimeout);
        first.Processed.ShouldBeEmpty();
        second.Processed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Deliveries_to_a_fast_receiver_are_not_held_up_by_receivers_that_never_answer()
    {
        await using var first = await WebhookReceiver.StartAsync(neverAnswer: true);
        await using var second = await WebhookReceiver.StartAsync(neverAnswer: true);
        await using var fast = await WebhookReceiver.StartAsync();
        await SubscribeAsync(fast, "order.confirmed");
        await HoldDeliveriesAsync(first, second);

        var confirmed = OrderEventFactory.Confirmed(OrderEventFactory.Order($"fast-{Guid.NewGuid():N}@example.test"));
        await App.PublishAsync(confirmed);

        await Eventually.HoldsAsync(() => Task.FromResult(fast.Processed.Count == 1), "the fast receiver gets its delivery while the others hang", WellBeforeTheTimeout);
        JsonDocument.Parse(fast.Processed[0].Body).RootElement.GetProperty("id").GetGuid().ShouldBe(confirmed.Id);
    }

    [Fact]
    public async Task A_slow_receiver_gets_its_deliveries_one_at_a_time_in_the_order_they_fell_due()
    {
        await using var slow = await WebhookReceiver.StartAsync(answerWhenTold: true);
        var subscription = await SubscribeAsync(slow, "order.confirmed", "order.shipped", "order.delivered");
        var order = OrderEventFactory.Order($"steps-{Guid.NewGuid():N}@example.test");
        await App.PublishAsync(OrderEventFactory.Confirmed(order));
        await App.PublishAsync(OrderEventFactory.Shipped(order));
        await App.PublishAsync(OrderEventFactory.Delivered(order));
        await App.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order($"steps-{Guid.NewGuid():N}@example.test")));

        // The receiver holds each request until told to answer: a sender that did not wait for the answer would have the
        // next delivery open at the same time.
        for (var arrived = 1; arrived <= 4; arrived++)
        {
            var expected = arrived;
            await Eventually.HoldsAsync(() => Task.FromResult(slow.Requests.Count >= expected), $"delivery {expected} arrives");
            slow.AnswerOne();
        }

        await Eventually.HoldsAsync(() => Task.FromResult(slow.Processed.Count == 4), "every delivery arrives");
        slow.MaxInFlight.ShouldBe(1, "a subscription's deliveries are sent one after another");
        using var admin = App.Admin();
        var deliveries = (await (await admin.GetAsync($"/api/v1/webhooks/{subscription}/deliveries")).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray()
            .OrderBy(d => d.GetProperty("createdAt").GetDateTime())
            .Select(d => d.GetProperty("id").GetGuid().ToString())
            .ToList();
        slow.Requests.Select(r => r.DeliveryId).ShouldBe(deliveries);
    }

    /// <summary>Makes each receiver hold one delivery open, as a receiver that never answers does.</summary>
    private async Task HoldDeliveriesAsync(params WebhookReceiver[] receivers)
    {
        foreach (var receiver in receivers)
        {
            await SubscribeAsync(receiver, "order.cancelled");
        }

        await App.PublishAsync(OrderEventFactory.Cancelled(OrderEventFactory.Order($"held-{Guid.NewGuid():N}@example.test"), "Out of stock"));
        await Eventually.HoldsAsync(() => Task.FromResult(receivers.All(r => r.Requests.Count > 0)), "every hanging receiver holds a delivery");
    }

    private async Task<Guid> SubscribeAsync(WebhookReceiver receiver, params string[] events)
    {
        using var admin = App.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events, secret = receiver.Secret }))
            .ShouldBeAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }
}
