using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// The loop of one kind of message: a round of sending each time its <see cref="DeliverySignal{T}"/> is nudged,
/// by a consumer that committed new messages or by <see cref="NotificationSendingJob"/> for retries.
/// </summary>
internal abstract class SendingLoop<T>(DeliverySignal<T> signal, ILogger logger) : BackgroundService
    where T : OutgoingMessage
{
    protected DeliverySignal<T> Signal { get; } = signal;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in Signal.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunRoundAsync(stoppingToken);
                }
                catch (DatabaseBusyException exception)
                {
                    logger.LogInformation("Sending {Kind} skipped this round: {Reason}", typeof(T).Name, exception.Message);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The messages stay due; the next nudge or poll sends them.
                    logger.LogWarning(exception, "A round of sending {Kind} failed", typeof(T).Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await StoppingAsync();
        }
    }

    /// <summary>Sends what is due; may leave work running in the background that <see cref="StoppingAsync"/> awaits.</summary>
    protected abstract Task RunRoundAsync(CancellationToken stoppingToken);

    protected virtual Task StoppingAsync() => Task.CompletedTask;
}
