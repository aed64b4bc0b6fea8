using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using OrderHub.BuildingBlocks.Cluster;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// Two nodes on one PostgreSQL database, each with its own copies of committed state and its own LISTEN
/// connection: what one commits, the other serves on its very next read.
/// </summary>
[Collection(NodeCluster.Collection)]
public sealed class ClusterCoherenceTests(OrderHubApp app, ITestOutputHelper output) : IntegrationTest(app)
{
    private const string Sku = "SKU-CL";

    private sealed class OtherNode : OrderHubApp
    {
        public OtherNode(TestDatabase database) => UseDatabase(database);
    }

    private async Task<OtherNode> StartOtherNodeAsync()
    {
        var node = new OtherNode(App.Database);
        _ = node.Server;
        await ListeningAsync(node);
        await ListeningAsync(App);
        return node;
    }

    private static Task ListeningAsync(OrderHubApp node) =>
        Eventually.HoldsAsync(() => Task.FromResult(node.Services.GetRequiredService<ClusterBus>().CopiesUsable), "the node listens for the others' commits");

    private async Task SeedAsync(HttpClient staff, int quantity)
    {
        await StockSetup.WarehouseAsync(staff, "W1", ("W1-PICK", "Pick"));
        await StockSetup.SkuAsync(staff, Sku);
        await StockSetup.ReceiveAsync(staff, Sku, "W1-PICK", quantity);
    }

    private static async Task<int> OnHandAsync(HttpClient client) =>
        (await StockSetup.StockAsync(client, Sku)).GetProperty("onHand").GetInt32();

    [PostgresFact]
    public async Task Stock_received_through_one_node_is_on_hand_at_the_other_on_its_next_read()
    {
        await using var other = await StartOtherNodeAsync();
        using var nodeA = App.Admin();
        using var nodeB = other.Admin();
        await SeedAsync(nodeA, 10);

        for (var i = 1; i <= 20; i++)
        {
            (await OnHandAsync(nodeB)).ShouldBe(9 + i, "node B's copy of the figures");
            await StockSetup.ReceiveAsync(nodeA, Sku, "W1-PICK", 1);
            (await OnHandAsync(nodeB)).ShouldBe(10 + i, $"node B's first read after node A's receipt {i}");
        }
    }

    [PostgresFact]
    public async Task A_key_revoked_through_one_node_is_refused_by_the_other_at_once()
    {
        await using var other = await StartOtherNodeAsync();
        using var adminA = App.Admin();
        var issued = await (await adminA.PostAsJsonAsync("/api/v1/api-keys", new { name = "partner-x", role = "partner" })).ShouldBeAsync(HttpStatusCode.Created);
        using var partnerOnB = other.ClientWithKey(issued.GetProperty("key").GetString()!);
        (await partnerOnB.GetAsync("/api/v1/skus")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await partnerOnB.GetAsync("/api/v1/skus")).StatusCode.ShouldBe(HttpStatusCode.OK, "node B now holds the verified key");

        (await adminA.DeleteAsync($"/api/v1/api-keys/{issued.GetProperty("id").GetGuid()}")).IsSuccessStatusCode.ShouldBeTrue();

        await (await partnerOnB.GetAsync("/api/v1/skus")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [PostgresFact]
    public async Task A_policy_stored_through_one_node_is_the_one_the_other_serves_next()
    {
        await using var other = await StartOtherNodeAsync();
        using var nodeA = App.Admin();
        using var nodeB = other.Admin();
        await StockSetup.WarehouseAsync(nodeA, "W1", ("W1-RET", "Returns"));
        var policy = JsonNode.Parse((await (await nodeB.GetAsync("/api/v1/return-policy")).ShouldBeAsync(HttpStatusCode.OK)).GetRawText())!.AsObject();

        foreach (var days in new[] { 21, 45, 60 })
        {
            policy["returnWarehouseCode"] = "W1";
            policy["windowDays"] = days;
            await (await nodeA.PutAsJsonAsync("/api/v1/return-policy", policy)).ShouldBeAsync(HttpStatusCode.OK);
            var served = await (await nodeB.GetAsync("/api/v1/return-policy")).ShouldBeAsync(HttpStatusCode.OK);
            served.GetProperty("windowDays").GetInt32().ShouldBe(days);
        }
    }

    [PostgresFact]
    public async Task A_node_whose_listen_connection_is_cut_listens_again_by_itself_and_stays_coherent()
    {
        await using var other = await StartOtherNodeAsync();
        using var nodeA = App.Admin();
        using var nodeB = other.Admin();
        await SeedAsync(nodeA, 5);
        var listener = ClusterListener.ListenerName(other.Services.GetRequiredService<ClusterBus>().NodeId);
        var firstPid = await ListenerPidAsync(listener);
        firstPid.ShouldNotBeNull("node B listens on its own named connection");

        await AdminSqlAsync($"SELECT pg_terminate_backend({firstPid})");
        await Eventually.HoldsAsync(async () => await ListenerPidAsync(listener) is { } pid && pid != firstPid, "node B reconnected its LISTEN connection");
        await ListeningAsync(other);

        (await OnHandAsync(nodeB)).ShouldBe(5);
        await StockSetup.ReceiveAsync(nodeA, Sku, "W1-PICK", 3);
        (await OnHandAsync(nodeB)).ShouldBe(8);
    }

    [PostgresFact]
    public async Task A_stock_change_committed_on_one_node_reaches_stream_subscribers_on_the_other_within_100_ms_p99()
    {
        await using var other = await StartOtherNodeAsync();
        using var nodeA = App.Admin();
        using var nodeB = other.Admin();
        await SeedAsync(nodeA, 1);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await nodeB.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/inventory/stream?sku={Sku}"), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        (await reader.ReadLineAsync(deadline.Token)).ShouldBe(": subscribed");

        var latencies = new List<double>();
        for (var i = 1; i <= 100; i++)
        {
            await StockSetup.ReceiveAsync(nodeA, Sku, "W1-PICK", 1);
            var committed = Stopwatch.GetTimestamp();
            while (true)
            {
                var line = await reader.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("The stream ended.");
                if (line.StartsWith("data: ", StringComparison.Ordinal)
                    && JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("onHand").GetInt32() == 1 + i)
                {
                    break;
                }
            }

            latencies.Add(Stopwatch.GetElapsedTime(committed).TotalMilliseconds);
        }

        latencies.Sort();
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        var figures = $"p50 {latencies[latencies.Count / 2]:0.0} ms, p99 {p99:0.0} ms, max {latencies[^1]:0.0} ms from node A's answer to node B's event ({latencies.Count} changes)";
        output.WriteLine(figures);
        p99.ShouldBeLessThan(100, figures);
    }

    private async Task<int?> ListenerPidAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = $2", connection);
        command.Parameters.AddWithValue(applicationName);
        command.Parameters.AddWithValue(App.Database.Name);
        return await command.ExecuteScalarAsync() as int?;
    }

    private static async Task AdminSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
