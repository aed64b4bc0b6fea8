using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Analytics;

/// <summary>
/// The read-model consumers of deliveries running at once add to the same hot counter rows (a storefront's day, a
/// category). Whatever order a consumer adds its counters in, the rows are locked in one order, so two deliveries
/// queue behind each other instead of deadlocking.
/// </summary>
public sealed class CounterLockOrderTests(OrderHubApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    [PostgresFact]
    public async Task Two_deliveries_adding_to_the_same_counters_in_opposite_orders_both_commit_without_a_deadlock()
    {
        var storefront = $"lock-order-{Guid.NewGuid():N}";
        object[] daily = [Day, storefront];
        object[] category = ["category", Day, storefront, "shoes"];
        await FlushAsync(d =>
        {
            d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1);
            d.Add<DimensionCounterRow>(category, nameof(DimensionCounterRow.UnitsReturned), 1);
        });

        // A third delivery holds the storefront's day, so the two under test line up behind it: first the one that adds
        // the day and then the category, then the one that adds the category first.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = FlushAsync(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1), release.Task);
        await Eventually.HoldsAsync(async () => await RowLockedAsync(storefront), "the holder updated the day's row");

        var dayFirst = FlushAsync(d =>
        {
            d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1);
            d.Add<DimensionCounterRow>(category, nameof(DimensionCounterRow.UnitsReturned), 1);
        });
        await Eventually.HoldsAsync(async () => await WaitingOnLocksAsync() == 1, "the day-first delivery waits for the day's row");
        var categoryFirst = FlushAsync(d =>
        {
            d.Add<DimensionCounterRow>(category, nameof(DimensionCounterRow.UnitsReturned), 1);
            d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1);
        });
        await Eventually.HoldsAsync(async () => await WaitingOnLocksAsync() == 2, "the category-first delivery waits too");

        release.SetResult();
        await holder;
        // Locked in the order added, the day-first delivery would take the day and wait for the category, which the
        // category-first one would hold while waiting for the day: PostgreSQL would end one of them (40P01).
        await Should.NotThrowAsync(() => Task.WhenAll(dayFirst, categoryFirst));

        (await App.WithDbAsync<AnalyticsDbContext, long>(db => db.DailyTotals.Where(r => r.Storefront == storefront).SumAsync(r => r.UnitsReturned))).ShouldBe(4);
        (await App.WithDbAsync<AnalyticsDbContext, long>(db => db.DimensionCounters.Where(r => r.Storefront == storefront).SumAsync(r => r.UnitsReturned))).ShouldBe(3);
    }

    /// <summary>Adds the counters and flushes them in a unit of work of the app, committing once <paramref name="hold"/> ends.</summary>
    private async Task FlushAsync(Action<CounterDeltas> add, Task? hold = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(async ct =>
        {
            var deltas = new CounterDeltas();
            add(deltas);
            await deltas.FlushAsync(db, ct);
            if (hold is not null)
            {
                await hold;
            }
        }, CancellationToken.None);
    }

    private async Task<bool> RowLockedAsync(string storefront)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM analytics.daily_totals WHERE storefront = $1 FOR UPDATE SKIP LOCKED) AS free", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = storefront });
        return (long)(await command.ExecuteScalarAsync())! == 0;
    }

    private async Task<long> WaitingOnLocksAsync()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%\"analytics\".%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
