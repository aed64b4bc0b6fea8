using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;
using Quartz;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Queues messages that just committed so they are delivered at once, off the request path.</summary>
internal sealed class OutboxSignal : IOutboxSignal
{
    private readonly Channel<(string Schema, Guid MessageId)> _channel =
        Channel.CreateUnbounded<(string, Guid)>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<(string Schema, Guid MessageId)> Reader => _channel.Reader;

    public void Notify(IReadOnlyCollection<(string Schema, Guid MessageId)> messages)
    {
        foreach (var message in messages)
        {
            // Unbounded: TryWrite only fails after completion, and then the retry job picks the message up.
            _channel.Writer.TryWrite(message);
        }
    }
}

/// <summary>
/// Delivers signalled messages right after their transaction committed: whatever has queued up meanwhile
/// (up to the outbox batch size) goes in one transaction per module, in commit order.
/// </summary>
internal sealed class OutboxDeliveryService(OutboxSignal signal, OutboxDispatcher dispatcher, OutboxOptions options, ILogger<OutboxDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string Schema, Guid MessageId)>();
        try
        {
            while (await signal.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.BatchSize && signal.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                foreach (var group in batch.GroupBy(m => m.Schema))
                {
                    try
                    {
                        await dispatcher.DeliverAsync(group.Key, group.Select(m => m.MessageId).ToList(), stoppingToken);
                    }
                    catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The messages stay pending; the retry job delivers them later.
                        logger.LogWarning(exception, "Immediate delivery of {Count} outbox message(s) of {Schema} failed", group.Count(), group.Key);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Quartz job that retries whatever the immediate delivery left behind.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxRetryJob(OutboxDispatcher dispatcher, ILogger<OutboxRetryJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox-retry", "messaging");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var attempted = await dispatcher.ProcessDueAsync(cancellationToken);
            if (attempted > 0)
            {
                logger.LogInformation("Outbox retry attempted {Count} message(s)", attempted);
            }
        }
        catch (DatabaseBusyException exception)
        {
            logger.LogInformation("Outbox retry skipped this round: {Reason}", exception.Message);
        }
    }
}
