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

/// <summary>Delivers signalled messages right after their transaction committed.</summary>
internal sealed class OutboxDeliveryService(OutboxSignal signal, OutboxDispatcher dispatcher, ILogger<OutboxDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (schema, messageId) in signal.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await dispatcher.DeliverAsync(schema, messageId, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The message stays pending; the retry job delivers it later.
                    logger.LogWarning(exception, "Immediate delivery of outbox message {MessageId} failed", messageId);
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
