using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.BuildingBlocks.Tests;

/// <summary>Which engine failures clients see as 503 (retry later) rather than 500, built from real exception types.</summary>
public sealed class DbErrorsTests
{
    private static PostgresException Postgres(string sqlState) => new("server said no", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("57P01")] // terminated by an administrator
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now: starting up or shutting down
    [InlineData("08006")] // connection failure
    [InlineData("08001")] // unable to establish a connection
    [InlineData("08P01")] // protocol violation
    [InlineData("53300")] // too many connections
    [InlineData("53200")] // out of memory
    [InlineData("40001")] // serialisation failure
    [InlineData("40P01")] // deadlock
    [InlineData("55P03")] // lock not available
    public void Connection_class_and_contention_states_are_transient(string sqlState)
    {
        DbErrors.IsTransient(Postgres(sqlState)).ShouldBeTrue();
        DbErrors.IsTransient(new DbUpdateException("save failed", Postgres(sqlState))).ShouldBeTrue();
        ExceptionMapping.ToProblem(new DbUpdateException("save failed", Postgres(sqlState))).Status.ShouldBe(503);
    }

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("22021")] // character not in repertoire
    [InlineData("42P01")] // undefined table: a defect, not the weather
    public void Request_and_schema_errors_are_not_transient(string sqlState) =>
        DbErrors.IsTransient(Postgres(sqlState)).ShouldBeFalse();

    [Fact]
    public void A_lost_connection_is_transient()
    {
        DbErrors.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer"))).ShouldBeTrue();
        DbErrors.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        DbErrors.IsTransient(new NpgsqlException("Timeout during reading", new TimeoutException())).ShouldBeTrue();
    }

    [Fact]
    public void An_exhausted_connection_pool_is_transient() =>
        DbErrors.IsTransient(new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds)"))
            .ShouldBeTrue();

    [Fact]
    public void Entity_framework_transient_failures_are_transient()
    {
        DbErrors.IsTransient(new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure. Consider enabling transient error resiliency.",
            Postgres("57P01"))).ShouldBeTrue();
        DbErrors.IsTransient(new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure.", new NpgsqlException("connection broken"))).ShouldBeTrue();
        DbErrors.IsTransient(new RetryLimitExceededException("Maximum number of retries (6) exceeded", new NpgsqlException("gone"))).ShouldBeTrue();
    }

    [Fact]
    public void A_busy_or_locked_sqlite_file_is_transient()
    {
        DbErrors.IsTransient(new SqliteException("database is locked", 5)).ShouldBeTrue();
        DbErrors.IsTransient(new SqliteException("database table is locked", 6)).ShouldBeTrue();
        DbErrors.IsTransient(new SqliteException("constraint failed", 19)).ShouldBeFalse();
    }

    [Fact]
    public void An_ordinary_defect_is_not_transient()
    {
        DbErrors.IsTransient(new InvalidOperationException("Sequence contains no elements")).ShouldBeFalse();
        DbErrors.IsTransient(new NpgsqlException("syntax is wrong")).ShouldBeFalse();
        ExceptionMapping.ToProblem(new InvalidOperationException("Sequence contains no elements")).Status.ShouldBe(500);
    }

    [Fact]
    public void Text_the_database_cannot_store_is_a_400() =>
        ExceptionMapping.ToProblem(new DbUpdateException("save failed", Postgres("22021"))).Status.ShouldBe(400);
}

/// <summary>Which failures of an outbox delivery are a race another transaction already won, retried without backoff.</summary>
public sealed class LostRaceTests
{
    private static PostgresException Postgres(string sqlState) => new("server said no", "ERROR", "ERROR", sqlState);

    [Fact]
    public void A_unique_violation_on_save_and_a_concurrency_conflict_are_lost_races()
    {
        OrderHub.BuildingBlocks.Messaging.OutboxDispatcher.LostRace(new DbUpdateException("save failed", Postgres("23505"))).ShouldBeTrue();
        OrderHub.BuildingBlocks.Messaging.OutboxDispatcher.LostRace(new DbUpdateConcurrencyException("0 rows")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("23503")] // foreign key violation: the row it needs is missing, which a retry at once does not change
    [InlineData("23502")] // not-null violation: a defect
    [InlineData("40P01")] // deadlock: transient, retried with the usual backoff
    public void Other_failures_keep_the_backoff(string sqlState) =>
        OrderHub.BuildingBlocks.Messaging.OutboxDispatcher.LostRace(new DbUpdateException("save failed", Postgres(sqlState))).ShouldBeFalse();

    [Fact]
    public void A_consumer_s_own_exception_keeps_the_backoff() =>
        OrderHub.BuildingBlocks.Messaging.OutboxDispatcher.LostRace(new InvalidOperationException("consumer failed")).ShouldBeFalse();
}
