using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Logging;
using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Sends customer emails over SMTP (System.Net.Mail) as multipart/alternative: plain text and HTML. The
/// Message-ID comes from the notification id, so a resend carries the same id.
/// </summary>
internal sealed class EmailChannel(SmtpOptions smtp, NotificationOptions schedule, TimeProvider clock, ILogger<EmailChannel> logger)
    : IOutgoingChannel<Notification>
{
    public bool Enabled => smtp.Configured;

    public async Task SendAsync(Notification message, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            using var mail = Compose(message, new MailAddress(smtp.From));
            using var client = new SmtpClient(smtp.Host, smtp.Port)
            {
                EnableSsl = smtp.EnableTls,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (!string.IsNullOrEmpty(smtp.User))
            {
                client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(smtp.Timeout);
            await client.SendMailAsync(mail, timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Email {NotificationId} to {Recipient} failed", message.Id, message.Recipient);
            error = exception is OperationCanceledException
                ? $"The SMTP server did not answer within {smtp.Timeout.TotalSeconds:0.#} s."
                : $"{exception.GetType().Name}: {exception.Message}";
        }

        message.RecordAttempt(error, clock.GetUtcNow().UtcDateTime, schedule);
    }

    public static string MessageId(Notification message, MailAddress from) => $"<{message.Id:N}@{from.Host}>";

    private static MailMessage Compose(Notification message, MailAddress from)
    {
        var mail = new MailMessage
        {
            From = from,
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        try
        {
            mail.To.Add(new MailAddress(message.Recipient, message.RecipientName, Encoding.UTF8));
            mail.Headers.Add("Message-ID", MessageId(message, from));
            mail.Headers.Add("Content-Language", message.Locale);
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }
}
