using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Demo;

/// <summary>Asking for the demo on a database that already holds a shop changes nothing and says so.</summary>
public sealed class DemoSeedOnExistingDataTests
{
    [Fact]
    public async Task Demo_seed_setting_on_a_database_with_data_only_warns()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using (var first = new Node(database, seed: false))
        {
            using var admin = first.Admin();
            (await admin.PostAsJsonAsync("/api/v1/skus", new { sku = "OWN-1", name = "Own product", category = "misc" })).EnsureSuccessStatusCode();
        }

        await using var seeded = new Node(database, seed: true);
        _ = seeded.Server;
        seeded.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("Demo seed skipped", StringComparison.Ordinal));
        using var client = seeded.Admin();
        var skus = await client.GetFromJsonAsync<JsonElement>("/api/v1/skus?pageSize=200");
        skus.GetProperty("totalCount").GetInt32().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=1")).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_second_start_on_a_seeded_database_does_not_seed_again()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        int orders, skus;
        await using (var first = new Node(database, seed: true))
        {
            using var admin = first.Admin();
            orders = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=1")).GetProperty("totalCount").GetInt32();
            skus = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/skus?pageSize=1")).GetProperty("totalCount").GetInt32();
            orders.ShouldBeGreaterThan(0);
        }

        await using var again = new Node(database, seed: true);
        _ = again.Server;
        again.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("Demo seed skipped", StringComparison.Ordinal));
        using var client = again.Admin();
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=1")).GetProperty("totalCount").GetInt32().ShouldBe(orders);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/skus?pageSize=1")).GetProperty("totalCount").GetInt32().ShouldBe(skus);
    }

    private sealed class Node : OrderHubApp
    {
        public Node(TestDatabase database, bool seed)
        {
            UseDatabase(database);
            Set("OrderHub:Demo:Seed", seed ? "true" : "false");
        }
    }
}
