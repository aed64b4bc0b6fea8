using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Orders;

namespace OrderHub.IntegrationTests.Cluster;

/// <summary>
/// Three real OrderHub processes on one PostgreSQL database, each with its own copies of committed state (the
/// default settings): what one node commits, every other node serves on its next read.
/// </summary>
[Collection(NodeCluster.Collection)]
public sealed class CoherenceAcrossNodesTests
{
    private const string Sku = "COHERENT-TEE";

    [PostgresFact]
    public async Task A_hundred_orders_racing_for_ten_units_over_three_nodes_take_exactly_ten_and_every_node_says_so()
    {
        await using var cluster = await NodeCluster.StartAsync(3);
        using (var admin = cluster[0].Admin())
        {
            await StockSetup.StockedAsync(admin, "CL1", (Sku, 10));
        }

        // Every node has read the figures before the race, so a stale copy would show afterwards.
        foreach (var node in cluster.Nodes)
        {
            using var client = node.Admin();
            (await StockAsync(client)).GetProperty("available").GetInt32().ShouldBe(10);
        }

        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var client = cluster.RoundRobin(i).Admin();
            using var response = await client.PostAsJsonAsync("/api/v1/orders", OrderRequests.Order($"racer{i}@example.com", null, (Sku, 1)));
            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(10);
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(90);
        foreach (var node in cluster.Nodes)
        {
            using var client = node.Admin();
            var stock = await StockAsync(client);
            (stock.GetProperty("reserved").GetInt32(), stock.GetProperty("available").GetInt32()).ShouldBe((10, 0), $"node {node.Index}");
        }
    }

    [PostgresFact]
    public async Task A_unit_restocked_through_one_node_is_available_through_another_on_the_first_read()
    {
        await using var cluster = await NodeCluster.StartAsync(2);
        using var nodeA = cluster[0].Admin();
        using var nodeB = cluster[1].Admin();
        await StockSetup.StockedAsync(nodeA, "CL1", (Sku, 5));
        await PolicyAsync(nodeA, p =>
        {
            p["returnWarehouseCode"] = "CL1";
            p["keepItThreshold"] = null;
        });

        for (var round = 1; round <= 3; round++)
        {
            var order = await DeliveredOrderAsync(nodeA, $"buyer{round}@example.com");
            var rma = await (await nodeA.PostAsJsonAsync("/api/v1/returns", new
            {
                orderId = order.Id,
                lines = new[] { new { orderLineId = order.LineId, quantity = 1, reasonCode = "TooSmall" } },
                resolution = "Refund",
            })).ShouldBeAsync(HttpStatusCode.Created);
            var rmaId = rma.GetProperty("id").GetGuid();
            if (rma.GetProperty("status").GetString() != "Approved")
            {
                await (await nodeA.PostAsync($"/api/v1/returns/{rmaId}/approve", null)).ShouldBeAsync(HttpStatusCode.OK);
            }

            await (await nodeA.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = rma.GetProperty("rmaNumber").GetString() })).ShouldBeAsync(HttpStatusCode.Created);
            var returned = await (await nodeA.GetAsync($"/api/v1/returns/{rmaId}")).ShouldBeAsync(HttpStatusCode.OK);
            var before = (await StockAsync(nodeB)).GetProperty("available").GetInt32();

            await (await nodeA.PostAsJsonAsync($"/api/v1/returns/{rmaId}/inspection", new
            {
                lines = returned.GetProperty("lines").EnumerateArray()
                    .Select(l => new { returnLineId = l.GetProperty("id").GetGuid(), condition = "New", disposition = "Restock" }).ToArray(),
            })).ShouldBeAsync(HttpStatusCode.OK);

            (await StockAsync(nodeB)).GetProperty("available").GetInt32().ShouldBe(before + 1, $"node B's first read after the inspection of round {round}");
        }
    }

    [PostgresFact]
    public async Task A_policy_stored_through_one_node_prices_the_next_return_created_through_another()
    {
        await using var cluster = await NodeCluster.StartAsync(2);
        using var nodeA = cluster[0].Admin();
        using var nodeB = cluster[1].Admin();
        await StockSetup.StockedAsync(nodeA, "CL1", (Sku, 5));

        foreach (var fee in new[] { 10m, 50m })
        {
            var stored = await PolicyAsync(nodeA, p =>
            {
                p["returnWarehouseCode"] = "CL1";
                p["restockingFeePercent"] = fee;
                p["autoApproveMaxOrderValue"] = null;
                p["keepItThreshold"] = null;
            });
            var order = await DeliveredOrderAsync(nodeA, $"fee{fee}@example.com");
            var rma = await (await nodeB.PostAsJsonAsync("/api/v1/returns", new
            {
                orderId = order.Id,
                lines = new[] { new { orderLineId = order.LineId, quantity = 1, reasonCode = "ChangedMind" } },
                resolution = "Refund",
            })).ShouldBeAsync(HttpStatusCode.Created);

            rma.GetProperty("policyVersion").GetInt32().ShouldBe(stored.GetProperty("version").GetInt32(), "node B used the version node A just stored");
            rma.GetProperty("refundEstimate").GetProperty("restockingFee").GetDecimal().ShouldBe(Math.Round(19.99m * fee / 100m, 2, MidpointRounding.AwayFromZero));
        }
    }

    [PostgresFact]
    public async Task A_key_revoked_through_one_node_is_refused_by_every_node_at_once()
    {
        await using var cluster = await NodeCluster.StartAsync(3);
        using var admin = cluster[0].Admin();
        var issued = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "partner-cl", role = "partner" })).ShouldBeAsync(HttpStatusCode.Created);
        var key = issued.GetProperty("key").GetString()!;
        foreach (var node in cluster.Nodes)
        {
            using var partner = node.Client(key);
            (await partner.GetAsync("/api/v1/skus")).StatusCode.ShouldBe(HttpStatusCode.OK, $"node {node.Index} verifies the key and keeps it");
        }

        (await admin.DeleteAsync($"/api/v1/api-keys/{issued.GetProperty("id").GetGuid()}")).IsSuccessStatusCode.ShouldBeTrue();

        foreach (var node in cluster.Nodes)
        {
            using var partner = node.Client(key);
            await (await partner.GetAsync("/api/v1/skus")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    private static async Task<JsonElement> StockAsync(HttpClient client) =>
        await (await client.GetAsync($"/api/v1/inventory/{Sku}")).ShouldBeAsync(HttpStatusCode.OK);

    private static async Task<JsonElement> PolicyAsync(HttpClient client, Action<JsonObject> change)
    {
        var current = JsonNode.Parse((await (await client.GetAsync("/api/v1/return-policy")).ShouldBeAsync(HttpStatusCode.OK)).GetRawText())!.AsObject();
        change(current);
        return await (await client.PutAsJsonAsync("/api/v1/return-policy", current)).ShouldBeAsync(HttpStatusCode.OK);
    }

    private sealed record Delivered(Guid Id, Guid LineId);

    /// <summary>One unit placed, shipped and delivered through <paramref name="client"/>; waits until Returns knows it.</summary>
    private static async Task<Delivered> DeliveredOrderAsync(HttpClient client, string email)
    {
        var order = await (await client.PostAsJsonAsync("/api/v1/orders", OrderRequests.Order(email, null, (Sku, 1)))).ShouldBeAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var lineId = order.GetProperty("lines")[0].GetProperty("id").GetGuid();
        await (await client.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 1 } } })).ShouldBeAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { })).ShouldBeAsync(HttpStatusCode.OK);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/v1/orders/{id}/returnable-lines");
                return response.StatusCode == HttpStatusCode.OK
                    && (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Any(l => l.GetProperty("eligible").GetBoolean());
            },
            "Returns heard of the delivery");
        return new Delivered(id, lineId);
    }
}
