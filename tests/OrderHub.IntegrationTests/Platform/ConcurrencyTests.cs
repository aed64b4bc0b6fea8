using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;

namespace OrderHub.IntegrationTests.Platform;

public sealed class ConcurrencyTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Fifty_parallel_writes_all_succeed_without_a_single_500()
    {
        using var client = App.Admin();
        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => client.PostAsJsonAsync("/api/test/probes", new { name = $"parallel-{i}" })));

        responses.Select(r => r.StatusCode).Distinct().ShouldBe([HttpStatusCode.Created]);
        (await App.WithDbAsync<ProbeDbContext, int>(db => db.Items.CountAsync())).ShouldBe(50);
    }

    [Fact]
    public async Task Single_resources_carry_an_etag_and_a_stale_if_match_is_412()
    {
        using var client = App.Admin();
        var created = await (await client.PostAsJsonAsync("/api/test/probes", new { name = "etag" })).ShouldBeAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var get = await client.GetAsync($"/api/test/probes/{id}");
        var etag = get.Headers.ETag!.Tag;

        var renamed = await Rename(client, id, "etag-2", etag);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        renamed.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await Rename(client, id, "etag-3", etag);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await Rename(client, id, "etag-4", "not-an-etag")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await Rename(client, Guid.NewGuid(), "x", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_changes_with_the_same_if_match_let_exactly_one_win()
    {
        using var client = App.Admin();
        var created = await (await client.PostAsJsonAsync("/api/test/probes", new { name = "race" })).ShouldBeAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var etag = (await client.GetAsync($"/api/test/probes/{id}")).Headers.ETag!.Tag;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Rename(client, id, $"race-{i}", etag)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => r.StatusCode).Distinct()
            .ShouldAllBe(s => s == HttpStatusCode.PreconditionFailed || s == HttpStatusCode.Conflict);
        var version = await App.WithDbAsync<ProbeDbContext, int>(db => db.Items.Where(x => x.Id == id).Select(x => x.Version).SingleAsync());
        version.ShouldBe(1);
    }

    private static Task<HttpResponseMessage> Rename(HttpClient client, Guid id, string name, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/test/probes/{id}/rename") { Content = JsonContent.Create(new { name }) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }
}
