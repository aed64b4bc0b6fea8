using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Delivers committed outbox messages to their in-process consumers. A message is claimed with a
/// conditional update (a lease), so the post-commit path and the retry job never deliver it at the same
/// time; each consumer records the message id in its own inbox in the same transaction as its effects,
/// so a redelivery after a crash is skipped. Failures back off exponentially, then dead-letter.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    ModuleCatalog catalog,
    IntegrationEventSerializer serializer,
    IntegrationEventHandlerRegistry handlers,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Delivers every due message of every module; returns how many were attempted.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        foreach (var module in catalog.Modules)
        {
            List<Guid> due;
            await using (var scope = scopeFactory.CreateAsyncScope())
            {
                var context = Context(scope, module);
                var now = clock.GetUtcNow().UtcDateTime;
                due = await context.OutboxMessages.AsNoTracking()
                    .Where(m => m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt)
                    .Select(m => m.Id)
                    .Take(options.BatchSize)
                    .ToListAsync(cancellationToken);
            }

            foreach (var id in due)
            {
                await DeliverAsync(module.Schema, id, cancellationToken);
                attempted++;
            }
        }

        return attempted;
    }

    /// <summary>
    /// Delivers one message if it is due, in a single transaction: the message is claimed and marked processed
    /// (the conditional update holds its row lock until commit, so a concurrent dispatcher finds nothing to do),
    /// then every consumer runs and records the message in its inbox behind a savepoint. If a consumer fails,
    /// only its part rolls back and the same transaction records the failed attempt with its backoff, or
    /// dead-letters the message after the last attempt: every attempt is counted exactly once.
    /// </summary>
    public async Task DeliverAsync(string schema, Guid messageId, CancellationToken cancellationToken)
    {
        var module = catalog.Modules.First(m => m.Schema == schema);
        try
        {
            await DeliverInOneTransactionAsync(module, messageId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing was recorded (the database was busy or unreachable): the retry job tries again later.
            logger.LogWarning(exception, "Delivery of outbox message {MessageId} could not run", messageId);
        }
    }

    private async Task DeliverInOneTransactionAsync(ModuleDescriptor module, Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var outbox = Context(scope, module);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await outbox.OutboxMessages
                .Where(m => m.Id == messageId && m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxMessageStatus.Processed)
                    .SetProperty(m => m.ProcessedAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null), ct);
            if (claimed == 0)
            {
                return;
            }

            var message = await outbox.OutboxMessages.AsNoTracking().Where(m => m.Id == messageId)
                .Select(m => new { m.Type, m.Payload, m.Attempts }).SingleAsync(ct);
            try
            {
                await unitOfWork.RunIsolatedAsync("consumers", c => HandleAsync(scope, message.Type, message.Payload, now, c), ct);
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                var error = exception is ConsumerFailure failure
                    ? $"{failure.Consumer}: {failure.InnerException!.GetType().Name}: {failure.InnerException.Message}"
                    : $"{exception.GetType().Name}: {exception.Message}";
                error = error.Length > 2000 ? error[..2000] : error;
                var dead = message.Attempts >= options.MaxAttempts;
                logger.LogWarning(exception, "Outbox message {MessageId} failed attempt {Attempt}: {Error}", messageId, message.Attempts, error);
                await outbox.OutboxMessages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, dead ? OutboxMessageStatus.DeadLettered : OutboxMessageStatus.Pending)
                    .SetProperty(m => m.ProcessedAt, (DateTime?)null)
                    .SetProperty(m => m.NextAttemptAt, now + options.RetryDelay(message.Attempts))
                    .SetProperty(m => m.LastError, error), ct);
                if (dead)
                {
                    logger.LogError("Outbox message {MessageId} dead-lettered after {Attempts} attempts: {Error}", messageId, message.Attempts, error);
                }
            }
        }, cancellationToken);
    }

    private async Task HandleAsync(AsyncServiceScope scope, string type, string payload, DateTime now, CancellationToken ct)
    {
        var integrationEvent = serializer.Deserialize(type, payload)
            ?? throw new InvalidOperationException($"Unknown integration event type {type}.");
        foreach (var handlerType in handlers.HandlersFor(integrationEvent.GetType()))
        {
            var consumer = handlerType.FullName ?? handlerType.Name;
            var inbox = Context(scope, catalog.ForAssembly(handlerType.Assembly));
            if (await inbox.InboxMessages.AnyAsync(m => m.MessageId == integrationEvent.Id && m.Consumer == consumer, ct))
            {
                continue;
            }

            inbox.InboxMessages.Add(InboxMessage.Create(integrationEvent.Id, consumer, now));
            var handler = scope.ServiceProvider.GetRequiredService(handlerType);
            try
            {
                await Invokers.GetOrAdd(integrationEvent.GetType(), CreateInvoker)(handler, integrationEvent, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new ConsumerFailure(handlerType.Name, exception);
            }
        }
    }

    /// <summary>Names the consumer that failed, for the outbox row's last error.</summary>
    private sealed class ConsumerFailure(string consumer, Exception inner) : Exception($"{consumer} failed: {inner.Message}", inner)
    {
        public string Consumer { get; } = consumer;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, IIntegrationEvent, CancellationToken, Task>> Invokers = new();

    private static Func<object, IIntegrationEvent, CancellationToken, Task> CreateInvoker(Type eventType) =>
        typeof(OutboxDispatcher).GetMethod(nameof(Invoke), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate<Func<object, IIntegrationEvent, CancellationToken, Task>>();

    private static Task Invoke<TEvent>(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        ((IIntegrationEventHandler<TEvent>)handler).HandleAsync((TEvent)integrationEvent, cancellationToken);

    private static ModuleDbContext Context(AsyncServiceScope scope, ModuleDescriptor module) =>
        (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
}
