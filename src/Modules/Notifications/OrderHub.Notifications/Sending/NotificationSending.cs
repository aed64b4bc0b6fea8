using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;
using Quartz;

namespace OrderHub.Notifications.Sending;

/// <summary>Sends at once when a consumer committed new messages.</summary>
internal sealed class NotificationSendingService(DeliverySignal signal, OutgoingMessageProcessor processor, ILogger<NotificationSendingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in signal.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await processor.ProcessDueAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The messages stay due; the polling job sends them.
                    logger.LogWarning(exception, "Immediate sending of notifications failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Quartz job that sends whatever is due: retries, and messages whose nudge was missed.</summary>
[DisallowConcurrentExecution]
internal sealed class NotificationSendingJob(OutgoingMessageProcessor processor, ILogger<NotificationSendingJob> logger) : IRecurringJob
{
    public static JobKey Key { get; } = new("notification-sending", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessDueAsync(cancellationToken);
        }
        catch (DatabaseBusyException exception)
        {
            logger.LogInformation("Notification sending skipped this round: {Reason}", exception.Message);
        }
    }
}
