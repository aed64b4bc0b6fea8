using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Cluster;

/// <summary>
/// One <c>LISTEN</c> connection per node on PostgreSQL. It hands every notification to the <see cref="ClusterBus"/>,
/// checks the connection when idle, and reconnects with backoff after any failure (a restarted database, a
/// terminated backend); until it listens again the node's copies are bypassed, and once it does they are dropped.
/// </summary>
public sealed class ClusterListener(ClusterBus bus, DatabaseConnectionFactory connections, ILogger<ClusterListener> logger) : BackgroundService
{
    /// <summary>The listener's <c>application_name</c> in <c>pg_stat_activity</c>.</summary>
    public static string ListenerName(string nodeId) => $"orderhub-listener-{nodeId}";

    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = connections.CreateDedicated(ListenerName(bus.NodeId));
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => bus.Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterBus.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                bus.SetListening(true);
                logger.LogInformation("Node {NodeId} listens for the other nodes' commits", bus.NodeId);
                retry = FirstRetry;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(IdleCheck, stoppingToken))
                    {
                        // Nothing heard for a while: make sure the connection is still alive.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                bus.SetListening(false);
                logger.LogWarning("Node {NodeId} lost its LISTEN connection ({Error}); serving from the database until it is back", bus.NodeId, exception.Message);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxRetry.Ticks));
            }
        }

        bus.SetListening(false);
    }
}
