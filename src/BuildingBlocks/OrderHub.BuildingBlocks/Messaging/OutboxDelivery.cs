using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;
using Quartz;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Queues messages that just committed so they are delivered at once, off the request path: one queue per
/// producing module, so each module's messages keep their commit order while modules are delivered in parallel.
/// What is queued or being delivered is in hand, and the retry job leaves it to this delivery. A message can be in
/// hand twice (a delivery that lost a race queues it again at once) and stays so until both are done with it.
/// </summary>
internal sealed class OutboxSignal : IOutboxSignal
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Channel<Guid>> _channels = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _inHand = new();

    public ChannelReader<Guid> ReaderFor(string schema) => ChannelFor(schema).Reader;

    public void Notify(IReadOnlyCollection<(string Schema, Guid MessageId)> messages)
    {
        foreach (var (schema, messageId) in messages)
        {
            // Unbounded: TryWrite only fails after completion, and then the retry job picks the message up.
            _inHand.AddOrUpdate(messageId, 1, static (_, holds) => holds + 1);
            if (!ChannelFor(schema).Writer.TryWrite(messageId))
            {
                Release([messageId]);
            }
        }
    }

    public bool Holds(Guid messageId) => _inHand.ContainsKey(messageId);

    /// <summary>The immediate delivery is done with these messages, delivered or not.</summary>
    public void Release(IEnumerable<Guid> messageIds)
    {
        foreach (var messageId in messageIds)
        {
            // Compare-and-swap: a concurrent hold or release of the same message makes the attempt fail, and it is retried.
            while (_inHand.TryGetValue(messageId, out var holds))
            {
                var released = holds <= 1
                    ? _inHand.TryRemove(KeyValuePair.Create(messageId, holds))
                    : _inHand.TryUpdate(messageId, holds - 1, holds);
                if (released)
                {
                    break;
                }
            }
        }
    }

    private Channel<Guid> ChannelFor(string schema) =>
        _channels.GetOrAdd(schema, static _ => Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true }));
}

/// <summary>
/// Delivers signalled messages right after their transaction committed: per producing module, whatever has
/// queued up meanwhile, and in the gather delay that follows (ADR 0035), goes in one transaction (up to the outbox
/// batch size), in commit order.
/// </summary>
internal sealed class OutboxDeliveryService(OutboxSignal signal, OutboxDispatcher dispatcher, ModuleCatalog catalog, OutboxOptions options, ILogger<OutboxDeliveryService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Modules.Select(m => m.Schema).Distinct().Select(schema => DeliverAsync(schema, stoppingToken)));

    private void Take(ChannelReader<Guid> reader, List<Guid> batch)
    {
        while (batch.Count < options.BatchSize && reader.TryRead(out var messageId))
        {
            batch.Add(messageId);
        }
    }

    private async Task DeliverAsync(string schema, CancellationToken stoppingToken)
    {
        var reader = signal.ReaderFor(schema);
        var batch = new List<Guid>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                Take(reader, batch);
                if (options.GatherDelay > TimeSpan.Zero && batch.Count < options.BatchSize)
                {
                    await Task.Delay(options.GatherDelay, stoppingToken);
                    Take(reader, batch);
                }

                try
                {
                    await dispatcher.DeliverAsync(schema, batch.ToList(), stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The messages stay pending; the retry job delivers them later.
                    logger.LogWarning(exception, "Immediate delivery of {Count} outbox message(s) of {Schema} failed", batch.Count, schema);
                }
                finally
                {
                    signal.Release(batch);
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
internal sealed class OutboxRetryJob(OutboxDispatcher dispatcher, ILogger<OutboxRetryJob> logger) : IRecurringJob
{
    public static JobKey Key { get; } = new("outbox-retry", "messaging");

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
