using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Web;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;
using OrderHub.Platform.Domain;
using OrderHub.Platform.Persistence;

namespace OrderHub.IntegrationTests.Platform;

public sealed class IdempotencyTests(OrderHubApp app) : IntegrationTest(app)
{
    private static HttpRequestMessage Post(string key, string json) => new(HttpMethod.Post, "/api/test/probes")
    {
        Headers = { { "Idempotency-Key", key } },
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    private Task<int> ProbeCountAsync() => App.WithDbAsync<ProbeDbContext, int>(db => db.Items.CountAsync());

    [Fact]
    public async Task A_replay_with_the_same_key_and_body_returns_the_original_answer_and_creates_nothing()
    {
        using var client = App.Admin();
        var first = await client.SendAsync(Post("key-1", """{"name":"alpha"}"""));
        var firstBody = await first.ShouldBeAsync(HttpStatusCode.Created);

        // Same content, different key order and whitespace: still the same request.
        var replay = await client.SendAsync(Post("key-1", """{ "name" : "alpha" }"""));
        var replayBody = await replay.ShouldBeAsync(HttpStatusCode.Created);

        replayBody.GetProperty("id").GetGuid().ShouldBe(firstBody.GetProperty("id").GetGuid());
        replay.Headers.Location.ShouldBe(first.Headers.Location);
        replay.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await replay.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync(), "a replay is the first answer, byte for byte");
        foreach (var answer in new[] { first, replay })
        {
            answer.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
            answer.Content.Headers.ContentLength.ShouldBe((await answer.Content.ReadAsByteArrayAsync()).Length);
        }

        (await ProbeCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_changes_nothing()
    {
        using var client = App.Admin();
        (await client.SendAsync(Post("key-2", """{"name":"alpha"}"""))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = await client.SendAsync(Post("key-2", """{"name":"beta"}"""));
        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await ProbeCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Keys_are_scoped_per_api_key()
    {
        using var admin = App.Admin();
        using var staff = await App.ClientForRoleAsync("staff");
        (await admin.SendAsync(Post("shared", """{"name":"alpha"}"""))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await staff.SendAsync(Post("shared", """{"name":"alpha"}"""));
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await ProbeCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_request_is_replayed_as_the_same_refusal()
    {
        using var client = App.Admin();
        var first = await client.SendAsync(Post("key-3", """{"name":""}"""));
        await first.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var replay = await client.SendAsync(Post("key-3", """{"name":""}"""));
        var problem = await replay.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("name").GetArrayLength().ShouldBeGreaterThan(0);
        replay.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_key_create_exactly_one_thing()
    {
        using var client = App.Admin();
        var gate = App.Services.GetRequiredService<ProbeGate>();
        var sending = Enumerable.Range(0, 20).Select(_ => client.SendAsync(Post("key-race", """{"name":"held-race"}"""))).ToList();

        // The first request is now inside its transaction, holding the key; the others arrive while it waits.
        await gate.EnteredAsync("held-race").WaitAsync(TimeSpan.FromSeconds(20));
        gate.Release("held-race");
        var responses = await Task.WhenAll(sending);

        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            var body = await response.ShouldBeAsync(HttpStatusCode.Created);
            ids.Add(body.GetProperty("id").GetGuid());
        }

        ids.Count.ShouldBe(1);
        (await ProbeCountAsync()).ShouldBe(1);
        responses.Count(r => !r.Headers.Contains("Idempotent-Replayed")).ShouldBe(1);
    }

    [Fact]
    public async Task Duplicates_waiting_for_the_first_request_and_their_replays_log_no_warnings()
    {
        using var client = App.Admin();
        var gate = App.Services.GetRequiredService<ProbeGate>();
        App.Logs.Clear();
        var sending = Enumerable.Range(0, 20).Select(_ => client.SendAsync(Post("key-quiet", """{"name":"held-quiet"}"""))).ToList();
        await gate.EnteredAsync("held-quiet").WaitAsync(TimeSpan.FromSeconds(20));

        // Every duplicate is inside the app, waiting on the held key (20 running requests hold 20 of the node's
        // slots): waiting must not be logged as a failure.
        var slots = App.Services.GetRequiredService<ConcurrencyLimiter>();
        var free = new LoadSheddingOptions().MaxConcurrentRequests - sending.Count;
        await Eventually.HoldsAsync(
            () => Task.FromResult(slots.GetStatistics()!.CurrentAvailablePermits <= free),
            "all twenty requests are being handled");
        gate.Release("held-quiet");
        foreach (var response in await Task.WhenAll(sending))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var replays = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendAsync(Post("key-quiet", """{"name":"held-quiet"}"""))));
        replays.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created && r.Headers.Contains("Idempotent-Replayed"));
        App.Logs.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_that_fails_after_its_command_but_before_answering_leaves_no_change_and_its_retry_runs_once()
    {
        using var client = App.Admin();
        var failed = await client.SendAsync(Post("key-crash-1", """{"name":"crash-after-command"}"""));
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        // The command's change went with the unanswered request: nothing to replay, nothing duplicated.
        (await ProbeCountAsync()).ShouldBe(0);
        (await App.OutboxAsync(ProbeModule.Schema)).ShouldBeEmpty();

        var retry = await client.SendAsync(Post("key-crash-1", """{"name":"crash-after-command"}"""));
        var created = await retry.ShouldBeAsync(HttpStatusCode.Created);
        retry.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        var again = await client.SendAsync(Post("key-crash-1", """{"name":"crash-after-command"}"""));
        (await again.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid().ShouldBe(created.GetProperty("id").GetGuid());
        (await ProbeCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_request_that_dies_after_its_commit_is_replayed_on_retry_not_run_again()
    {
        using var client = App.Admin();
        var died = await client.SendAsync(Post("key-crash-2", """{"name":"crash-after-commit"}"""));
        died.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await ProbeCountAsync()).ShouldBe(1);

        // The answer committed with the change, so the client's retry gets it instead of a second probe.
        var retry = await client.SendAsync(Post("key-crash-2", """{"name":"crash-after-commit"}"""));
        var replayed = await retry.ShouldBeAsync(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        var probe = await App.WithDbAsync<ProbeDbContext, ProbeItem>(db => db.Items.SingleAsync());
        replayed.GetProperty("id").GetGuid().ShouldBe(probe.Id);
        (await ProbeCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_key_is_never_left_in_progress_by_a_request_that_ended()
    {
        using var client = App.Admin();
        (await client.SendAsync(Post("key-state-1", """{"name":"alpha"}"""))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendAsync(Post("key-state-2", """{"name":""}"""))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.SendAsync(Post("key-state-3", """{"name":"crash-after-command-state"}"""))).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        var records = await App.WithDbAsync<PlatformDbContext, List<IdempotencyRecord>>(
            db => db.IdempotencyRecords.AsNoTracking().ToListAsync());
        records.Select(r => r.Key).Order().ShouldBe(["key-state-1", "key-state-2"]);
        records.ShouldAllBe(r => r.Status == IdempotencyStatus.Completed);
    }

    [Fact]
    public async Task An_overlong_key_is_400()
    {
        using var client = App.Admin();
        var response = await client.SendAsync(Post(new string('k', 201), """{"name":"alpha"}"""));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await ProbeCountAsync()).ShouldBe(0);
    }
}
