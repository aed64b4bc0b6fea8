namespace OrderHub.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,

    /// <summary>SQL Server 2022 or later (ADR 0031): one node; its T-SQL is checked by a parser, not yet run against a server here.</summary>
    SqlServer,
}

/// <summary>Bound from <c>OrderHub:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "OrderHub:Database";

    /// <summary><c>Sqlite</c> (default, an embedded file), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file used when no <c>ConnectionStrings:OrderHub</c> is given; relative paths start at the working directory.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "orderhub.db");

    /// <summary>How long a write waits for the SQLite write gate before the request is refused with 503.</summary>
    public TimeSpan SqliteWriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Keep in-process copies of committed state (stock figures, the current return policy, active webhook
    /// subscriptions, putaway candidates, verified API keys; ADR 0013). Safe with any number of nodes on one
    /// PostgreSQL: every node drops its copy of what another node commits (ADR 0017).
    /// </summary>
    public bool CacheCommittedState { get; set; } = true;
}
