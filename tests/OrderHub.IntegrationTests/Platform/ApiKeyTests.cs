using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Platform.Persistence;

namespace OrderHub.IntegrationTests.Platform;

public sealed class ApiKeyTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_issued_key_is_shown_once_works_for_its_role_and_stops_working_when_revoked()
    {
        using var admin = App.Admin();
        var issued = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "back office", role = "staff" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var key = issued.GetProperty("key").GetString()!;
        var id = issued.GetProperty("id").GetGuid();
        key.ShouldStartWith("ohk_");

        var list = await (await admin.GetAsync("/api/v1/api-keys")).ShouldBeAsync(HttpStatusCode.OK);
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var listed = list.GetProperty("items")[0];
        listed.GetProperty("name").GetString().ShouldBe("back office");
        listed.TryGetProperty("key", out _).ShouldBeFalse("a listed key must not carry its secret");
        listed.GetProperty("prefix").GetString().ShouldBe(key[..10]);

        var stored = await App.WithDbAsync<PlatformDbContext, string>(db =>
            Task.FromResult(db.ApiKeys.Single(k => k.Id == id).Hash));
        stored.ShouldNotContain(key[4..]);

        using var staff = App.ClientWithKey(key);
        await (await staff.GetAsync("/api/v1/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"/api/test/probes/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await admin.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await staff.GetAsync($"/api/test/probes/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_key_issued_through_the_api_can_manage_keys()
    {
        using var newAdmin = await App.ClientForRoleAsync("admin");
        (await newAdmin.GetAsync("/api/v1/api-keys")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_storefront_key_must_name_its_storefront_and_only_storefront_keys_may()
    {
        using var admin = App.Admin();
        var missing = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "shop", role = "storefront" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("storefront").GetArrayLength().ShouldBe(1);

        await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "ops", role = "staff", storefront = "eu" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var ok = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "shop", role = "storefront", storefront = "shop-eu" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        ok.GetProperty("storefront").GetString().ShouldBe("shop-eu");
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404()
    {
        using var admin = App.Admin();
        await (await admin.DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Paging_is_validated_and_applied()
    {
        using var admin = App.Admin();
        for (var i = 0; i < 3; i++)
        {
            (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"k{i}", role = "partner" })).EnsureSuccessStatusCode();
        }

        var page = await (await admin.GetAsync("/api/v1/api-keys?page=2&pageSize=2")).ShouldBeAsync(HttpStatusCode.OK);
        page.GetProperty("page").GetInt32().ShouldBe(2);
        page.GetProperty("pageSize").GetInt32().ShouldBe(2);
        page.GetProperty("totalCount").GetInt32().ShouldBe(3);
        page.GetProperty("items").GetArrayLength().ShouldBe(1);

        var tooBig = await (await admin.GetAsync("/api/v1/api-keys?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        tooBig.GetProperty("errors").GetProperty("pageSize").GetArrayLength().ShouldBe(1);
        await (await admin.GetAsync("/api/v1/api-keys?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/api-keys?page=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class RateLimitedApp : OrderHubApp
{
    public RateLimitedApp()
    {
        Set("OrderHub:RateLimiting:PermitsPerSecond", "1");
        Set("OrderHub:RateLimiting:Burst", "3");
    }
}

public sealed class RateLimitTests(RateLimitedApp app) : IntegrationTest<RateLimitedApp>(app)
{
    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_problem_details_with_retry_after()
    {
        using var client = App.ClientWithKey("ohk_rate-limit-probe");
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 20 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/v1/api-keys");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        limited.ShouldNotBeNull("20 requests against a burst of 3 must be limited");
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
    }
}
