using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Notifications;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Cluster;

/// <summary>
/// Three real OrderHub processes on one PostgreSQL database, as behind a load balancer: background work (the
/// outbox retry, notification and webhook sending, the scheduled jobs) is done once for the cluster, and a node
/// killed mid-load loses nothing.
/// </summary>
[Collection(NodeCluster.Collection)]
public sealed class BackgroundWorkAcrossNodesTests
{
    private const string Sku = "CLUSTER-TEE";

    [PostgresFact]
    public async Task Each_webhook_event_reaches_the_receiver_once_with_three_nodes_running()
    {
        await using var cluster = await NodeCluster.StartAsync(3);
        await using var receiver = await WebhookReceiver.StartAsync();
        await SetUpAsync(cluster, receiver);

        var orders = new ConcurrentBag<Guid>();
        await Parallel.ForAsync(0, 50, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, ct) =>
        {
            using var client = cluster.RoundRobin(i).Admin();
            var order = await (await client.PostAsJsonAsync("/api/v1/orders", Order(($"{Sku}", 1)), ct)).ShouldBeAsync(HttpStatusCode.Created);
            orders.Add(order.GetProperty("id").GetGuid());
        });

        await Eventually.HoldsAsync(
            async () => await ScalarAsync(cluster, "SELECT count(*) FROM notifications.webhook_deliveries WHERE status = 'Sent'") == 50,
            "every order's webhook delivery is recorded as sent",
            TimeSpan.FromSeconds(60));

        var deliveries = await DeliveryIdsAsync(cluster);
        deliveries.Count.ShouldBe(50, "one delivery per confirmed order");
        receiver.Processed.Select(r => Guid.Parse(r.DeliveryId)).ToHashSet().SetEquals(deliveries).ShouldBeTrue();
        receiver.Requests.Count.ShouldBe(50, "no delivery was sent twice, though three nodes were sending");
        (await ScalarAsync(cluster, "SELECT count(*) FROM notifications.webhook_deliveries WHERE attempts <> 1")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task Killing_a_node_mid_load_loses_no_event_and_handles_each_once_per_consumer()
    {
        await using var cluster = await NodeCluster.StartAsync(3);
        await using var receiver = await WebhookReceiver.StartAsync();
        await SetUpAsync(cluster, receiver);
        var victim = cluster[2];

        // Three clients place orders round robin over the nodes; requests to the dead node fail and are not retried
        // (one that was in flight may still have committed: the database, not the client, says what was ordered).
        var placed = 0;
        var failures = 0;
        var killed = 0;
        async Task PlaceAsync(int request)
        {
            var node = cluster.RoundRobin(request);
            try
            {
                using var client = node.Admin();
                using var response = await client.PostAsJsonAsync("/api/v1/orders", Order((Sku, 1)));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref placed);
                }
            }
            catch (HttpRequestException) when (node == victim && Volatile.Read(ref killed) == 1)
            {
                // The victim's sockets close as the kill lands, before its process is seen to have exited.
                Interlocked.Increment(ref failures);
            }
        }

        var load = Parallel.ForAsync(0, 90, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (i, _) => await PlaceAsync(i));
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref placed) >= 30), "a third of the orders are in", TimeSpan.FromSeconds(60));
        Volatile.Write(ref killed, 1);
        victim.Kill();
        await load;
        await victim.RestartAsync();
        for (var i = 90; i < 99; i++)
        {
            await PlaceAsync(i);
        }

        var confirmed = await ScalarAsync(cluster, "SELECT count(*) FROM orders.orders");
        confirmed.ShouldBeGreaterThanOrEqualTo(placed);
        await Eventually.HoldsAsync(
            async () => await ScalarAsync(cluster, """
                SELECT (SELECT count(*) FROM orders.outbox_messages WHERE status <> 'Processed')
                     + (SELECT count(*) FROM inventory.outbox_messages WHERE status <> 'Processed')
                     + (SELECT count(*) FROM notifications.webhook_deliveries WHERE status <> 'Sent')
                """) == 0 && await ScalarAsync(cluster, "SELECT count(*) FROM notifications.webhook_deliveries") == confirmed,
            "every event is delivered and every webhook sent once the survivors took over",
            TimeSpan.FromSeconds(90));

        (await ScalarAsync(cluster, "SELECT count(*) FROM orders.outbox_messages WHERE status = 'Processed' AND type LIKE '%OrderConfirmed%'"))
            .ShouldBe(confirmed, "one OrderConfirmed event per order");
        foreach (var consumerSchema in new[] { "notifications", "returns" })
        {
            (await ScalarAsync(cluster, $"""
                SELECT count(*) FROM orders.outbox_messages m
                WHERE m.type LIKE '%OrderConfirmed%'
                  AND (SELECT count(*) FROM {consumerSchema}.inbox_messages i WHERE i.message_id = m.id) <> 1
                """)).ShouldBe(0, $"the {consumerSchema} consumer handled each OrderConfirmed exactly once");
        }

        (await ScalarAsync(cluster, """
            SELECT count(*) FROM orders.orders o
            WHERE NOT EXISTS (SELECT 1 FROM notifications.notifications n WHERE n.order_id = o.id)
            """)).ShouldBe(0, "each order has its customer notification");
        (await ScalarAsync(cluster, """
            SELECT count(*) FROM (SELECT order_id, template FROM notifications.notifications GROUP BY order_id, template HAVING count(*) > 1) d
            """)).ShouldBe(0, "no notification was written twice");

        var deliveries = await DeliveryIdsAsync(cluster);
        receiver.Processed.Select(r => Guid.Parse(r.DeliveryId)).ToHashSet().SetEquals(deliveries).ShouldBeTrue("the receiver got every webhook");

        // A node killed after sending but before recording the attempt sends nothing more; a survivor sends that
        // delivery again once the lease ran out, with the same X-OrderHub-Delivery, which the receiver drops.
        (receiver.Requests.Count - deliveries.Count).ShouldBeLessThanOrEqualTo(2);
    }

    [PostgresFact]
    public async Task The_nodes_share_one_clustered_schedule_and_a_non_concurrent_job_never_runs_on_two_at_once()
    {
        await using var cluster = await NodeCluster.StartAsync(3);

        (await ScalarAsync(cluster, "SELECT count(DISTINCT instance_name) FROM quartz.qrtz_scheduler_state WHERE sched_name = 'OrderHub'")).ShouldBe(3);
        var triggers = await RowsAsync(cluster, "SELECT job_group || '.' || job_name FROM quartz.qrtz_triggers ORDER BY 1");
        triggers.ShouldBe(["messaging.outbox-retry", "notifications.notification-sending", "returns.return-deadlines"], "one trigger per job, however many nodes declared it");
        (await ScalarAsync(cluster, "SELECT count(*) FROM quartz.qrtz_job_details WHERE is_nonconcurrent")).ShouldBe(3);

        // A restarted node declares the same jobs again: they replace what is stored, not add to it.
        await cluster[1].RestartAsync();
        (await RowsAsync(cluster, "SELECT job_group || '.' || job_name FROM quartz.qrtz_triggers ORDER BY 1")).ShouldBe(triggers);

        // The polling jobs fire every half second somewhere in the cluster. Which node takes a firing is the outcome of
        // the nodes' race for the trigger, and one node may win it for a minute, so the test decides: the node that ran
        // the outbox retry is killed, and the retry must go on on another node. The executions of each job must not
        // overlap.
        Task<List<string>> RetryRunnersAsync() =>
            RowsAsync(cluster, "SELECT DISTINCT instance_name FROM quartz.qrtz_execution_history WHERE job_name = 'outbox-retry'");
        string? firstRunner = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                firstRunner = (await RetryRunnersAsync()).FirstOrDefault(name => RunningNodeOf(cluster, name) is not null);
                return firstRunner is not null;
            },
            "the outbox retry ran on a running node",
            TimeSpan.FromSeconds(60));
        RunningNodeOf(cluster, firstRunner!)!.Kill();
        await Eventually.HoldsAsync(
            async () => (await RetryRunnersAsync()).Any(name => name != firstRunner && RunningNodeOf(cluster, name) is not null),
            "the outbox retry went on on another node once the node that ran it was killed",
            TimeSpan.FromSeconds(60));
        var runs = new List<(string Job, string Node, long Start, long End)>();
        await using (var connection = new NpgsqlConnection(cluster.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT job_name, instance_name, fired_time, fired_time + run_time FROM quartz.qrtz_execution_history ORDER BY job_name, fired_time", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                runs.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        runs.Count.ShouldBeGreaterThan(3);
        foreach (var job in runs.GroupBy(r => r.Job))
        {
            var ordered = job.ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                ordered[i].Start.ShouldBeGreaterThanOrEqualTo(ordered[i - 1].End, $"{job.Key} ran on {ordered[i - 1].Node} and {ordered[i].Node} at once");
            }
        }
    }

    /// <summary>The running node whose scheduler is <paramref name="instanceName"/> (host-pid-suffix), if any.</summary>
    private static NodeCluster.Node? RunningNodeOf(NodeCluster cluster, string instanceName) =>
        cluster.Nodes.FirstOrDefault(n => n.IsRunning && instanceName.Split('-')[^2] == n.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task SetUpAsync(NodeCluster cluster, WebhookReceiver receiver)
    {
        using var admin = cluster[0].Admin();
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "order.confirmed" }, secret = receiver.Secret }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await StockSetup.StockedAsync(admin, "CL1", (Sku, 10_000));
    }

    private static async Task<HashSet<Guid>> DeliveryIdsAsync(NodeCluster cluster) =>
        (await RowsAsync(cluster, "SELECT id::text FROM notifications.webhook_deliveries")).Select(Guid.Parse).ToHashSet();

    private static async Task<long> ScalarAsync(NodeCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> RowsAsync(NodeCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
