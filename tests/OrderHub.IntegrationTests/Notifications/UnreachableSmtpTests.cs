using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>The app pointed at a loopback port where no SMTP server listens.</summary>
public sealed class UnreachableSmtpApp : OrderHubApp
{
    public UnreachableSmtpApp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Set("OrderHub:Smtp:Host", "127.0.0.1");
        Set("OrderHub:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("OrderHub:Notifications:PollInterval", "00:00:00.100");
        Set("OrderHub:Notifications:FirstRetryDelay", "00:00:00.100");
        Set("OrderHub:Notifications:MaxRetryDelay", "00:00:00.200");
    }

    public int Port { get; }
}

public sealed class UnreachableSmtpTests(UnreachableSmtpApp app) : IntegrationTest<UnreachableSmtpApp>(app)
{
    [Fact]
    public async Task An_email_the_SMTP_server_cannot_take_stays_pending_and_is_retried_with_the_error_recorded()
    {
        var order = OrderEventFactory.Order($"unlucky-{Guid.NewGuid():N}@example.test");
        await App.PublishAsync(OrderEventFactory.Confirmed(order));

        using var admin = App.Admin();
        JsonElement entry = default;
        await Eventually.HoldsAsync(async () =>
        {
            var log = await (await admin.GetAsync($"/api/v1/notifications?orderId={order.OrderId}")).ShouldBeAsync(HttpStatusCode.OK);
            entry = log.GetProperty("items").EnumerateArray().SingleOrDefault();
            return entry.ValueKind == JsonValueKind.Object && entry.GetProperty("attempts").GetInt32() >= 3;
        }, "the email is attempted again and again");

        entry.GetProperty("status").GetString().ShouldBe("Pending");
        entry.GetProperty("sentAt").ValueKind.ShouldBe(JsonValueKind.Null);
        entry.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.String);
        entry.GetProperty("lastError").GetString().ShouldBe($"connection refused to 127.0.0.1:{App.Port}");
    }
}
