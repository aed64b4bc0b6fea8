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
                    .Where(m => m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
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

    /// <summary>Delivers one message if it is due and nobody else holds it.</summary>
    public async Task DeliverAsync(string schema, Guid messageId, CancellationToken cancellationToken)
    {
        var module = catalog.Modules.First(m => m.Schema == schema);
        var message = await ClaimAsync(module, messageId, cancellationToken);
        if (message is null)
        {
            return;
        }

        string? error = null;
        var integrationEvent = serializer.Deserialize(message.Type, message.Payload);
        if (integrationEvent is null)
        {
            error = $"Unknown integration event type {message.Type}.";
        }
        else
        {
            foreach (var handlerType in handlers.HandlersFor(integrationEvent.GetType()))
            {
                try
                {
                    await HandleOnceAsync(handlerType, integrationEvent, cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Consumer {Consumer} failed on message {MessageId} ({Type})", handlerType.Name, messageId, message.Type);
                    error = $"{handlerType.Name}: {exception.GetType().Name}: {exception.Message}";
                }
            }
        }

        await CompleteAsync(module, message, error, cancellationToken);
    }

    private async Task HandleOnceAsync(Type handlerType, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var consumerModule = catalog.ForAssembly(handlerType.Assembly);
        var consumer = handlerType.FullName ?? handlerType.Name;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await HandleInScopeAsync(handlerType, consumerModule, consumer, integrationEvent, cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception) && attempt < 3)
            {
                // Either another dispatcher recorded the message first (the retry finds it in the inbox and
                // stops), or the consumer raced another consumer inserting the same row (the retry sees it).
            }
        }
    }

    private async Task HandleInScopeAsync(Type handlerType, ModuleDescriptor consumerModule, string consumer, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var context = Context(scope, consumerModule);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var seen = await context.InboxMessages.AnyAsync(m => m.MessageId == integrationEvent.Id && m.Consumer == consumer, ct);
            if (seen)
            {
                return;
            }

            context.InboxMessages.Add(InboxMessage.Create(integrationEvent.Id, consumer, clock.GetUtcNow().UtcDateTime));
            var handler = scope.ServiceProvider.GetRequiredService(handlerType);
            await Invokers.GetOrAdd(integrationEvent.GetType(), CreateInvoker)(handler, integrationEvent, ct);
        }, cancellationToken);
    }

    private async Task<OutboxMessage?> ClaimAsync(ModuleDescriptor module, Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var context = Context(scope, module);
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseEnd = now + options.Lease;
        var claimed = await unitOfWork.ExecuteAsync(ct => context.OutboxMessages
            .Where(m => m.Id == messageId && m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), ct), cancellationToken);
        return claimed == 1
            ? await context.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == messageId, cancellationToken)
            : null;
    }

    private async Task CompleteAsync(ModuleDescriptor module, OutboxMessage message, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var context = Context(scope, module);
        var now = clock.GetUtcNow().UtcDateTime;
        var id = message.Id;
        await unitOfWork.ExecuteAsync(async ct =>
        {
            if (error is null)
            {
                await context.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxMessageStatus.Processed)
                    .SetProperty(m => m.ProcessedAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, (string?)null), ct);
                return;
            }

            var attempts = message.Attempts + 1;
            var dead = attempts >= options.MaxAttempts;
            var truncated = error.Length > 2000 ? error[..2000] : error;
            await context.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, dead ? OutboxMessageStatus.DeadLettered : OutboxMessageStatus.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + options.RetryDelay(attempts))
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, truncated), ct);
            if (dead)
            {
                logger.LogError("Outbox message {MessageId} ({Type}) dead-lettered after {Attempts} attempts: {Error}", id, message.Type, attempts, truncated);
            }
        }, cancellationToken);
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
