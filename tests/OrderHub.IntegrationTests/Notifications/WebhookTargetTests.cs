using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>The app as a shop runs it: webhooks only to public addresses (no AllowPrivateTargets).</summary>
public sealed class PublicTargetsApp : OrderHubApp
{
    public PublicTargetsApp()
    {
        Set("OrderHub:Webhooks:AllowPrivateTargets", "false");
        Set("OrderHub:Notifications:PollInterval", "00:00:00.200");
        Set("OrderHub:Webhooks:FirstRetryDelay", "00:00:00.100");
        Set("OrderHub:Webhooks:MaxRetryDelay", "00:00:00.300");
    }
}

/// <summary>Webhooks cannot be pointed at the machine, its network or its cloud's metadata service.</summary>
public sealed class WebhookTargetTests(PublicTargetsApp app) : IntegrationTest<PublicTargetsApp>(app)
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", "metadata")]
    [InlineData("http://10.0.0.1/", "private")]
    [InlineData("http://192.168.1.20:8080/hooks", "private")]
    [InlineData("http://172.16.5.4/", "private")]
    [InlineData("http://127.0.0.1:1/", "loopback")]
    [InlineData("http://localhost:5080/api/v1/api-keys", "loopback")]
    [InlineData("http://[::1]:5080/", "loopback")]
    [InlineData("http://2130706433/", "four decimal numbers")]
    [InlineData("http://0x7f000001/", "four decimal numbers")]
    [InlineData("http://0177.0.0.1/", "four decimal numbers")]
    [InlineData("http://127.1/", "four decimal numbers")]
    [InlineData("http://[::ffff:169.254.169.254]/", "IPv4-mapped")]
    [InlineData("http://[::ffff:7f00:1]/", "IPv4-mapped")]
    [InlineData("http://user:secret@partner.example/hooks", "user name or password")]
    [InlineData("http://admin@partner.example/hooks", "user name or password")]
    [InlineData("http://100.64.0.1/", "carrier-grade NAT")]
    [InlineData("http://[fd00::1]/", "unique-local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://0.0.0.0:5080/", "unspecified")]
    [InlineData("http://[::]/", "unspecified")]
    [InlineData("http://no-such-host.invalid/hooks", "resolve")]
    [InlineData("file:///etc/passwd", "http or https")]
    [InlineData("gopher://partner.example/", "http or https")]
    public async Task A_subscription_to_a_non_public_target_is_refused_naming_the_url_and_why(string url, string why)
    {
        using var admin = App.Admin();
        var problem = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "order.confirmed" }, secret = "0123456789abcdef" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty("url").EnumerateArray().Select(m => m.GetString()!).ToList();
        messages.ShouldHaveSingleItem().ShouldContain(why, Case.Insensitive);

        var listed = await (await admin.GetAsync("/api/v1/webhooks")).ShouldBeAsync(HttpStatusCode.OK);
        listed.GetProperty("totalCount").GetInt32().ShouldBe(0, "nothing was stored");
    }

    [Fact]
    public async Task A_stored_subscription_whose_target_is_loopback_is_refused_at_send_time_without_telling_open_from_closed_ports()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var open = new Uri(receiver.Url);
        // Stored as if it had passed the checks when created, and the name or address had turned private since.
        var toOpenPort = await StoreSubscriptionAsync(receiver.Url, receiver.Secret);
        var toClosedPort = await StoreSubscriptionAsync($"http://{open.Host}:1/hooks", receiver.Secret);
        var byName = await StoreSubscriptionAsync($"http://localhost:{open.Port}/hooks", receiver.Secret);

        await App.PublishAsync(OrderEventFactory.Cancelled(OrderEventFactory.Order($"ssrf-{Guid.NewGuid():N}@example.test"), "Out of stock"));

        using var admin = App.Admin();
        var errors = new Dictionary<Guid, string>();
        foreach (var subscription in new[] { toOpenPort, toClosedPort, byName })
        {
            JsonElement delivery = default;
            await Eventually.HoldsAsync(async () =>
            {
                var page = await (await admin.GetAsync($"/api/v1/webhooks/{subscription}/deliveries")).ShouldBeAsync(HttpStatusCode.OK);
                delivery = page.GetProperty("items").EnumerateArray().FirstOrDefault();
                return delivery.ValueKind == JsonValueKind.Object && delivery.GetProperty("attempts").GetInt32() >= 1;
            }, $"the delivery to subscription {subscription} is attempted");
            delivery.GetProperty("status").GetString().ShouldNotBe("Sent");
            delivery.GetProperty("lastResponseCode").ValueKind.ShouldBe(JsonValueKind.Null);
            var attempt = delivery.GetProperty("attemptLog")[0];
            attempt.GetProperty("responseCode").ValueKind.ShouldBe(JsonValueKind.Null);
            errors[subscription] = attempt.GetProperty("error").GetString()!;
        }

        receiver.Requests.ShouldBeEmpty("nothing reaches a loopback receiver");
        errors[toOpenPort].ShouldStartWith("Refused before connecting");
        errors[toOpenPort].ShouldContain("loopback");
        errors[toClosedPort].ShouldBe(errors[toOpenPort], "an open and a closed port are refused in the same words");
        errors[toOpenPort].ShouldNotContain(open.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        errors[byName].ShouldContain("'localhost' resolves to");
    }

    /// <summary>Writes a subscription straight into the database, past the checks of POST /webhooks.</summary>
    private async Task<Guid> StoreSubscriptionAsync(string url, string secret)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.ByName("Notifications").DbContextType);
        var type = context.Model.GetEntityTypes().Single(e => e.ClrType.Name == "WebhookSubscription").ClrType;
        var subscription = type.GetMethod("Create")!.Invoke(null, [url, new[] { "order.cancelled" }, secret, App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime])!;
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(_ =>
        {
            context.Add(subscription);
            return Task.CompletedTask;
        }, CancellationToken.None);
        foreach (var cache in App.Services.GetServices<ICommittedStateCache>())
        {
            cache.Clear();
        }

        return (Guid)type.GetProperty("Id")!.GetValue(subscription)!;
    }
}
