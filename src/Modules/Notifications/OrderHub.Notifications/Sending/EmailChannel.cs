using System.Text;
using Microsoft.Extensions.Logging;
using MimeKit;
using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Sends customer emails over the batch's <see cref="SmtpConnection"/> (MailKit) as multipart/alternative: plain
/// text and HTML. The Message-ID comes from the notification id, so a resend carries the same id. A refusal of
/// this very email (5xx for its recipient or content) ends its attempts; anything else is retried on schedule.
/// </summary>
internal sealed class EmailChannel(SmtpOptions smtp, SmtpConnection connection, NotificationOptions schedule, TimeProvider clock, ILogger<EmailChannel> logger)
    : IOutgoingChannel<Notification>
{
    public bool Enabled => smtp.Configured;

    public async Task SendAsync(Notification message, CancellationToken cancellationToken)
    {
        string? error = null;
        var permanent = false;
        try
        {
            await connection.SendAsync(Compose(message, MailboxAddress.Parse(smtp.From)), cancellationToken);
        }
        catch (SmtpSendException exception)
        {
            logger.LogWarning(exception, "Email {NotificationId} to {Recipient} failed: {Error}", message.Id, message.Recipient, exception.Message);
            error = exception.Message;
            permanent = exception.Permanent;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The message itself could not be built (e.g. a recipient address MimeKit cannot parse): no server will take it.
            logger.LogWarning(exception, "Email {NotificationId} to {Recipient} could not be composed", message.Id, message.Recipient);
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        message.RecordAttempt(error, clock.GetUtcNow().UtcDateTime, schedule, permanent);
    }

    public static string MessageId(Notification message, MailboxAddress from) => $"<{message.Id:N}@{from.Domain}>";

    internal static MimeMessage Compose(Notification message, MailboxAddress from)
    {
        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(Encoding.UTF8, message.RecipientName, message.Recipient));
        mail.Subject = message.Subject;
        mail.MessageId = MessageId(message, from).Trim('<', '>');
        mail.Headers.Add("Content-Language", message.Locale);
        var alternative = new MultipartAlternative
        {
            Part("plain", message.TextBody),
            Part("html", message.HtmlBody),
        };
        mail.Body = alternative;
        return mail;
    }

    private static TextPart Part(string subtype, string text)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
