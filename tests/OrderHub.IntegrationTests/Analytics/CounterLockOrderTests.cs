using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Analytics;

/// <summary>
/// The read-model consumers of deliveries running at once add to the same hot counter rows (a storefront's day, a
/// category). Whatever order a consumer adds its counters in, and however many events a delivery carries, the rows are
/// locked once, in one order, at the delivery's commit, so two deliveries queue behind each other instead of
/// deadlocking (ADR 0033).
/// </summary>
public sealed class CounterLockOrderTests(OrderHubApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    [PostgresFact]
    public async Task Two_deliveries_adding_to_the_same_counters_in_opposite_orders_both_commit_without_a_deadlock()
    {
        var (storefront, daily, category) = await TwoCounterRowsAsync("shoes");

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

    [PostgresFact]
    public async Task A_delivery_of_several_events_locks_the_counters_of_all_of_them_once_at_its_commit_in_the_one_order()
    {
        var (storefront, daily, category) = await TwoCounterRowsAsync("boots");

        // A batch: its first event adds to the category, its second to the day, as the consumers stage them. Between
        // the two, a single-event delivery adds to both.
        var firstStaged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batch = Task.Run(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var counters = scope.ServiceProvider.GetRequiredService<CommitCounters>();
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(async _ =>
            {
                counters.Add(Deltas(d => d.Add<DimensionCounterRow>(category, nameof(DimensionCounterRow.UnitsReturned), 1)));
                firstStaged.SetResult();
                await resume.Task;
                counters.Add(Deltas(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1)));
            }, CancellationToken.None);
        });
        await firstStaged.Task;
        var single = FlushAsync(d =>
        {
            d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1);
            d.Add<DimensionCounterRow>(category, nameof(DimensionCounterRow.UnitsReturned), 1);
        });
        await Eventually.HoldsAsync(async () => single.IsCompleted || await WaitingOnLocksAsync() == 1, "the single delivery committed or waits for a row");
        resume.SetResult();

        // Written event by event, the batch would hold the category while the single delivery, holding the day, waited
        // for it; the batch's second event would then wait for the day: a deadlock (40P01).
        await Should.NotThrowAsync(() => Task.WhenAll(batch, single));

        (await App.WithDbAsync<AnalyticsDbContext, long>(db => db.DailyTotals.Where(r => r.Storefront == storefront).SumAsync(r => r.UnitsReturned))).ShouldBe(3);
        (await App.WithDbAsync<AnalyticsDbContext, long>(db => db.DimensionCounters.Where(r => r.Storefront == storefront).SumAsync(r => r.UnitsReturned))).ShouldBe(3);
    }

    [Fact]
    public async Task Counters_staged_by_a_part_that_fails_are_taken_back_and_the_rest_are_written_at_the_commit()
    {
        var storefront = $"staged-{Guid.NewGuid():N}";
        object[] daily = [Day, storefront];
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var counters = scope.ServiceProvider.GetRequiredService<CommitCounters>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await unitOfWork.ExecuteAsync(async ct =>
            {
                var before = unitOfWork.ChangeMark();
                counters.Add(Deltas(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1)));
                unitOfWork.ChangeMark().ShouldNotBe(before, "a consumer that staged counters changed something, so it gets an inbox row");
                await Should.ThrowAsync<InvalidOperationException>(() => unitOfWork.RunIsolatedAsync("failing_part", _ =>
                {
                    counters.Add(Deltas(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 10)));
                    counters.Add(Deltas(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.RefundCents), 500)));
                    throw new InvalidOperationException("the part fails");
                }, ct));
                counters.Add(Deltas(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 2)));
                counters.Staged.ShouldBe(2);
            }, CancellationToken.None);
            counters.Staged.ShouldBe(0, "written at the commit and forgotten");
        }

        var row = await App.WithDbAsync<AnalyticsDbContext, DailyTotalsRow>(db => db.DailyTotals.SingleAsync(r => r.Storefront == storefront));
        (row.UnitsReturned, row.RefundCents).ShouldBe((3L, 0L));

        // A unit of work that fails leaves nothing staged behind for the scope's next one.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var counters = scope.ServiceProvider.GetRequiredService<CommitCounters>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await Should.ThrowAsync<InvalidOperationException>(() => unitOfWork.ExecuteAsync(_ =>
            {
                counters.Add(Deltas(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 100)));
                throw new InvalidOperationException("the unit of work fails");
            }, CancellationToken.None));
            counters.Staged.ShouldBe(0);
            await unitOfWork.ExecuteAsync(_ =>
            {
                counters.Add(Deltas(d => d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1)));
                return Task.CompletedTask;
            }, CancellationToken.None);
        }

        (await App.WithDbAsync<AnalyticsDbContext, long>(db => db.DailyTotals.Where(r => r.Storefront == storefront).SumAsync(r => r.UnitsReturned))).ShouldBe(4);
    }

    /// <summary>A new storefront's day and one of its categories, each counted once and so committed as rows to lock.</summary>
    private async Task<(string Storefront, object[] Daily, object[] Category)> TwoCounterRowsAsync(string categoryKey)
    {
        var storefront = $"lock-order-{Guid.NewGuid():N}";
        object[] daily = [Day, storefront];
        object[] category = ["category", Day, storefront, categoryKey];
        await FlushAsync(d =>
        {
            d.Add<DailyTotalsRow>(daily, nameof(DailyTotalsRow.UnitsReturned), 1);
            d.Add<DimensionCounterRow>(category, nameof(DimensionCounterRow.UnitsReturned), 1);
        });
        return (storefront, daily, category);
    }

    private static CounterDeltas Deltas(Action<CounterDeltas> add)
    {
        var deltas = new CounterDeltas();
        add(deltas);
        return deltas;
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
