using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>The application with room for one running request and two waiting ones.</summary>
public sealed class SmallNodeApp : OrderHubApp
{
    public SmallNodeApp()
    {
        Set("OrderHub:Load:MaxConcurrentRequests", "1");
        Set("OrderHub:Load:QueueLimit", "2");
        Set("OrderHub:Load:QueueTimeout", "00:00:05");
    }
}

public sealed class LoadSheddingTests(SmallNodeApp app) : IntegrationTest<SmallNodeApp>(app)
{
    private static HttpRequestMessage Post(string name, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/test/probes")
        {
            Content = new StringContent($$"""{"name":"{{name}}"}""", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task Requests_beyond_the_running_and_waiting_slots_are_refused_at_once_with_503_and_Retry_After()
    {
        using var client = App.Admin();
        var gate = App.Services.GetRequiredService<ProbeGate>();
        var running = client.SendAsync(Post("held-slot"));
        await gate.EnteredAsync("held-slot").WaitAsync(TimeSpan.FromSeconds(20));
        var waiting = new[] { client.SendAsync(Post("queued-1")), client.SendAsync(Post("queued-2")) };
        var slots = App.Services.GetRequiredService<ConcurrencyLimiter>();
        await Eventually.HoldsAsync(
            () => Task.FromResult(slots.GetStatistics()!.CurrentQueuedCount == 2),
            "the second and third requests wait for a slot");

        var refused = await client.SendAsync(Post("refused"));
        await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await App.Anonymous().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        gate.Release("held-slot");
        foreach (var response in await Task.WhenAll(waiting.Prepend(running)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await App.WithDbAsync<ProbeDbContext, int>(db => db.Items.CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task A_keyed_burst_is_answered_201_or_503_and_retrying_the_refused_keys_creates_each_thing_once()
    {
        using var client = App.Admin();
        var keys = Enumerable.Range(0, 300).Select(i => $"burst-{i}").ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var refusals = 0;

        // Each client retries its own key after a refusal, as Retry-After asks, until it is answered.
        async Task SendUntilAnsweredAsync(string key)
        {
            while (true)
            {
                var response = await client.SendAsync(Post(key, key));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return;
                }

                await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
                response.Headers.RetryAfter.ShouldNotBeNull();
                Interlocked.Increment(ref refusals);
                DateTime.UtcNow.ShouldBeLessThan(deadline, $"{key} was still refused after a minute");
                await Task.Delay(Random.Shared.Next(10, 50));
            }
        }

        await Task.WhenAll(keys.Select(SendUntilAnsweredAsync));

        refusals.ShouldBeGreaterThan(0, "a burst of 300 on 1 + 2 slots must shed some");
        var names = await App.WithDbAsync<ProbeDbContext, List<string>>(db => db.Items.Select(i => i.Name).ToListAsync());
        names.Order().ShouldBe(keys.Order());
    }
}
