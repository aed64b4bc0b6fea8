using Microsoft.Extensions.Logging;
using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Sends due customer emails, one after another, on a loop of their own: however slowly webhook receivers
/// answer, an email waits only for the emails before it. A round is one batch: its emails share one SMTP
/// connection, closed when the batch is done.
/// </summary>
internal sealed class EmailSendingService(
    DeliverySignal<Notification> signal,
    OutgoingMessageSender sender,
    SmtpConnection connection,
    ILogger<EmailSendingService> logger) : SendingLoop<Notification>(signal, logger)
{
    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var id in await sender.DueAsync<Notification>(null, stoppingToken))
            {
                await sender.TrySendAsync<Notification>(id, stoppingToken);
            }
        }
        finally
        {
            await connection.EndBatchAsync();
        }
    }
}
