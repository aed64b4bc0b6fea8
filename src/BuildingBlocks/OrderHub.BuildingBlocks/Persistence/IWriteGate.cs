namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Serialises write transactions where the engine needs it. SQLite allows one writer per file: writers
/// queue here instead of failing with "database is locked"; PostgreSQL relies on row locks instead.
/// </summary>
public interface IWriteGate
{
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}

internal sealed class NoWriteGate : IWriteGate
{
    private static readonly IDisposable Nothing = new Releaser(null);

    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Nothing);

    internal sealed class Releaser(SemaphoreSlim? semaphore) : IDisposable
    {
        private SemaphoreSlim? _semaphore = semaphore;

        public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
    }
}

internal sealed class SerialWriteGate(TimeSpan timeout) : IWriteGate, IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _semaphore.WaitAsync(timeout, cancellationToken))
        {
            throw new DatabaseBusyException("The database is busy with other writes; retry the request.");
        }

        return new NoWriteGate.Releaser(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>The database could not take the write in time (HTTP 503 with Retry-After).</summary>
public sealed class DatabaseBusyException(string message, Exception? inner = null) : Exception(message, inner);
