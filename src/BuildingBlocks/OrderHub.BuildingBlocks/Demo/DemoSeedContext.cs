using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.BuildingBlocks.Demo;

/// <summary>
/// What the demo seed's contributors share: the clock they move, one seeded random source (so two seeds look
/// alike), facts an earlier contributor leaves for a later one, and the lines the host prints at the end.
/// </summary>
public sealed class DemoSeedContext(IServiceScopeFactory scopes, SeedingClock.Session clock, DateTime today)
{
    private readonly Dictionary<string, object> _facts = new(StringComparer.Ordinal);
    private readonly List<(string Label, string Value)> _summary = [];

    /// <summary>The seed's fixed random source.</summary>
    public Random Random { get; } = new(20261130);

    /// <summary>The real time the seed started: the demo's history ends here.</summary>
    public DateTime Today { get; } = today;

    /// <summary>What the use cases currently read as now.</summary>
    public DateTime Now => clock.Now.UtcDateTime;

    /// <summary>Lines for the host to print once seeding is done, in the order they were added.</summary>
    public IReadOnlyList<(string Label, string Value)> Summary => _summary;

    /// <summary>Moves the use cases' clock; never past the real time.</summary>
    public void At(DateTime utc) => clock.Now = new DateTimeOffset(utc < Today ? utc : Today, TimeSpan.Zero);

    /// <summary>Runs one command or query in a scope of its own, as one request would.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    /// <summary>Runs work in a scope of its own (a read of the module's own tables, a job's single round).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Delivers every committed integration event now, at the seed's current time, so modules that keep copies of
    /// others' facts (Returns' copy of an order) have them before the seed goes on. The host's background delivery
    /// has not started yet while the seed runs.
    /// </summary>
    public async Task DeliverEventsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        while (await outbox.DeliverEverythingDueAsync(cancellationToken) > 0)
        {
        }
    }

    public void Put<T>(string key, T value)
        where T : notnull => _facts[key] = value;

    public T Get<T>(string key) =>
        _facts.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"The demo seed has no '{key}' yet; the contributor that provides it must run first.");

    public void AddToSummary(string label, string value) => _summary.Add((label, value));
}
