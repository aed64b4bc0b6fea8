using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>A full order and return flow through HTTP, with every customer message received by a real SMTP server.</summary>
public sealed class ReturnNotificationTests(NotificationsApp app) : IntegrationTest<NotificationsApp>(app)
{
    private const string Customer = "buyer@example.com";

    [Fact]
    public async Task The_notification_log_of_a_full_return_flow_lists_every_message_as_sent_in_the_customers_language()
    {
        using var staff = App.Admin();
        await using var receiver = await WebhookReceiver.StartAsync();
        await (await staff.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url = receiver.Url,
            events = new[] { "return.requested", "return.approved", "return.received", "return.completed", "stock.changed" },
            secret = receiver.Secret,
        })).ShouldBeAsync(HttpStatusCode.Created);

        var order = await ReturnFlowTests.DeliveredOrderAsync(App, staff);
        var teeLine = order.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("sku").GetString() == "TEE-S").GetProperty("id").GetGuid();
        var rma = await (await staff.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId = order.GetProperty("id").GetGuid(),
            lines = new[] { new { orderLineId = teeLine, quantity = 1, reasonCode = "TooSmall" } },
            resolution = "Refund",
        })).ShouldBeAsync(HttpStatusCode.Created);
        var number = rma.GetProperty("rmaNumber").GetString()!;
        var id = rma.GetProperty("id").GetGuid();
        await (await staff.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = number })).ShouldBeAsync(HttpStatusCode.Created);
        var lineId = rma.GetProperty("lines")[0].GetProperty("id").GetGuid();
        await (await staff.PostAsJsonAsync($"/api/v1/returns/{id}/inspection", new { lines = new[] { new { returnLineId = lineId, condition = "New", disposition = "Restock" } } }))
            .ShouldBeAsync(HttpStatusCode.OK);

        string[] expected = ["order.confirmed", "order.shipped", "order.delivered", "return.requested", "return.approved", "return.received", "return.completed"];
        JsonElement log = default;
        await Eventually.HoldsAsync(async () =>
        {
            log = await (await staff.GetAsync($"/api/v1/notifications?customerEmail={Customer}&pageSize=50")).ShouldBeAsync(HttpStatusCode.OK);
            var items = log.GetProperty("items").EnumerateArray().ToList();
            return items.Count == expected.Length && items.All(n => n.GetProperty("status").GetString() == "Sent");
        }, "every message of the flow is sent", TimeSpan.FromSeconds(30));

        var messages = log.GetProperty("items").EnumerateArray().ToList();
        messages.Select(n => n.GetProperty("template").GetString()).Order().ShouldBe(expected.Order());
        messages.ShouldAllBe(n => n.GetProperty("locale").GetString() == "fr" && n.GetProperty("channel").GetString() == "Email");
        messages.Where(n => n.GetProperty("template").GetString()!.StartsWith("return.", StringComparison.Ordinal))
            .ShouldAllBe(n => n.GetProperty("rmaNumber").GetString() == number && n.GetProperty("returnId").GetGuid() == id);
        var byReturn = await (await staff.GetAsync($"/api/v1/notifications?returnId={id}")).ShouldBeAsync(HttpStatusCode.OK);
        byReturn.GetProperty("totalCount").GetInt32().ShouldBe(4);

        var mails = App.Smtp.ReceivedBy(Customer);
        mails.Count.ShouldBe(expected.Length);
        var approved = mails.Single(m => m.Subject == $"Votre retour {number} est accepté");
        var text = approved.Part("text/plain");
        text.ShouldContain($"Votre retour {number} a été accepté");
        text.ShouldContain($"{NotificationsApp.PublicBaseUrl}/returns/{number}?t=");
        text.ShouldNotContain("/api/");
        approved.Part("text/html").ShouldContain(number);
        mails.Single(m => m.Subject == $"Votre retour {number} est terminé").Part("text/plain").ShouldContain("Remboursement");

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Processed.Select(r => r.EventType).Distinct().Count() >= 5), "the storefront hears of every return step and stock change");
        receiver.Processed.Select(r => r.EventType).ShouldContain("return.completed");
        receiver.Processed.Where(r => r.EventType.StartsWith("return.", StringComparison.Ordinal)).ShouldAllBe(r => r.SignatureValid);
    }
}
