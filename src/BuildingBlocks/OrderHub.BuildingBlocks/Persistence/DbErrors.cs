using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>Recognises engine errors that have a meaning for the client, on every provider.</summary>
public static class DbErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(Exception exception) => Find(exception) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>Lock timeouts, deadlocks and serialisation failures: the request may simply be retried.</summary>
    public static bool IsTransient(Exception exception) => Find(exception) switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.LockNotAvailable
            or PostgresErrorCodes.TooManyConnections,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        NpgsqlException { IsTransient: true } => true,
        _ => false,
    };

    private static Exception? Find(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException or SqliteException or NpgsqlException)
            {
                return current;
            }
        }

        return null;
    }
}
