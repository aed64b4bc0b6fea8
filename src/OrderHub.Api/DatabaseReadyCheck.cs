using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Api;

/// <summary>Ready when the database answers and every module's migrations are applied.</summary>
internal sealed class DatabaseReadyCheck(DatabaseMigrator migrator, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrator.ModulesWithPendingMigrationsAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["provider"] = options.Provider.ToString() };
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable, migrations applied.", data)
                : HealthCheckResult.Unhealthy($"Migrations pending for: {string.Join(", ", pending)}.", data: data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", exception);
        }
    }
}

internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        });
    }
}
