using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace OrderHub.BuildingBlocks.Scheduling;

/// <summary>
/// Quartz's database store can leave a trigger in its ERROR state when the database fails while the trigger is
/// being fired, and such a trigger never fires again (quartznet/quartznet#1524, #2051): after a PostgreSQL restart
/// the outbox retry and the notification sending would stop for good. This watchdog, outside Quartz's own
/// threads, puts any such trigger back to waiting.
/// </summary>
internal sealed class TriggerWatchdog(ISchedulerFactory schedulers, SchedulingOptions options, ILogger<TriggerWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TriggerWatchInterval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), stoppingToken))
                {
                    if (await scheduler.GetTriggerState(key, stoppingToken) == TriggerState.Error)
                    {
                        logger.LogWarning("Trigger {Trigger} was left in the error state (the database failed while it fired); putting it back", key);
                        await scheduler.ResetTriggerFromErrorState(key, stoppingToken);
                    }
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may still be away; the next round looks again.
                logger.LogDebug(exception, "Trigger check skipped this round");
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
