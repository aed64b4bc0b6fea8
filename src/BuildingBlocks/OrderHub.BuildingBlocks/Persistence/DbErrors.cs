using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
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

    // SQL Server: unique constraint and unique index violations.
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerUniqueIndex = 2601;

    /// <summary>
    /// SQL Server errors that say the server cannot serve the request now: deadlock victim (1205), lock request
    /// timeout (1222), command timeout (-2), the transport errors of a broken connection (233, 10053, 10054, 10060,
    /// 64), and the Azure SQL throttling and failover errors (40197, 40501, 40613, 49918, 49919, 49920).
    /// </summary>
    private static readonly HashSet<int> SqlServerTransient = [1205, 1222, -2, 233, 10053, 10054, 10060, 64, 40197, 40501, 40613, 49918, 49919, 49920];

    private static readonly HashSet<int> SqlServerConnectionLost = [233, 10053, 10054, 10060, 64, 40197, 40613];

    public static bool IsUniqueViolation(Exception exception) => Find(exception) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sql => sql.Number is SqlServerUniqueConstraint or SqlServerUniqueIndex,
        _ => false,
    };

    /// <summary>
    /// Failures that say nothing about the request, only that the database cannot serve it now: lost or refused
    /// connections, a server starting up or shutting down, exhausted resources or connection pool, lock
    /// timeouts, deadlocks and serialisation failures, a busy SQLite file. The request may simply be retried.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException pg:
                    return IsTransientState(pg.SqlState);
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked;
                case SqlException sql:
                    return sql.Errors.Cast<SqlError>().Any(e => SqlServerTransient.Contains(e.Number));
                case NpgsqlException npgsql when npgsql.IsTransient
                    || npgsql.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase)
                    || HasConnectionFailureInside(npgsql):
                    return true;
                case RetryLimitExceededException:
                    return true;
                case InvalidOperationException when current.Message.Contains("likely due to a transient failure", StringComparison.Ordinal):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The session itself is gone (terminated, server down or restarting, network broken): unlike contention,
    /// every other idle connection to the same server is likely gone too.
    /// </summary>
    public static bool IsConnectionLost(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException pg:
                    return pg.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal)
                        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow);
                case NpgsqlException npgsql when HasConnectionFailureInside(npgsql):
                    return true;
                case SqlException sql:
                    return sql.Errors.Cast<SqlError>().Any(e => SqlServerConnectionLost.Contains(e.Number));
            }
        }

        return false;
    }

    /// <summary>
    /// SQLSTATE classes 08 (connection exception) and 53 (insufficient resources); an administrator's or the
    /// server's termination of the session and a server that cannot accept connections yet (57P01-57P03);
    /// serialisation failure and deadlock (40001, 40P01); lock not available (55P03).
    /// </summary>
    public static bool IsTransientState(string? sqlState) =>
        sqlState is not null
        && (sqlState.StartsWith("08", StringComparison.Ordinal)
            || sqlState.StartsWith("53", StringComparison.Ordinal)
            || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable);

    /// <summary>A text value the database cannot store, such as a NUL character (PostgreSQL 22021, 22P05).</summary>
    public static bool IsUnstorableText(Exception exception) =>
        Find(exception) is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter };

    private static bool HasConnectionFailureInside(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or IOException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception? Find(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException or SqliteException or NpgsqlException or SqlException)
            {
                return current;
            }
        }

        return null;
    }
}
