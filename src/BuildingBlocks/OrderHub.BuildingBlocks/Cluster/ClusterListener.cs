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
    private const string ListenerPrefix = "orderhub-listener-";

    /// <summary>The listener's <c>application_name</c> in <c>pg_stat_activity</c>.</summary>
    public static string ListenerName(string nodeId) => ListenerPrefix + nodeId;

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

                await NotifyAsync(connection, [bus.Hello()], stoppingToken);
                bus.Peers = await CountPeersAsync(connection, stoppingToken);
                bus.SetListening(true);
                logger.LogInformation("Node {NodeId} listens for the other nodes' commits ({Peers} other node(s) listening)", bus.NodeId, bus.Peers);
                retry = FirstRetry;
                while (!stoppingToken.IsCancellationRequested)
                {
                    var heard = await connection.WaitAsync(IdleCheck, stoppingToken);
                    if (bus.TakeAcks() is { Count: > 0 } acks)
                    {
                        await NotifyAsync(connection, acks, stoppingToken);
                    }

                    if (!heard || bus.TakeRecountRequest())
                    {
                        // Also what keeps an idle connection checked: a dead one fails here.
                        bus.Peers = await CountPeersAsync(connection, stoppingToken);
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

    private static async Task NotifyAsync(NpgsqlConnection connection, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_notify('{ClusterBus.Channel}', payload) FROM unnest($1) AS payload", connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Value = payloads.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The other nodes listening on this database: each must acknowledge what this node commits.</summary>
    private static async Task<int> CountPeersAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE $1", connection);
        command.Parameters.AddWithValue(ListenerPrefix + "%");
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
