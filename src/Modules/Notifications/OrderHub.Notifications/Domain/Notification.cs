using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.Domain;

/// <summary>
/// A message to a customer, rendered when the event arrived so the log shows exactly what was sent. Its id
/// makes the email's Message-ID, so a resend after a crash can be recognised by the receiving mail system.
/// </summary>
internal sealed class Notification : OutgoingMessage
{
    private Notification()
    {
    }

    public Guid SourceEventId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public string Template { get; private set; } = string.Empty;

    public string Locale { get; private set; } = string.Empty;

    public string Recipient { get; private set; } = string.Empty;

    public string? RecipientName { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string TextBody { get; private set; } = string.Empty;

    public string HtmlBody { get; private set; } = string.Empty;

    public string? Storefront { get; private set; }

    public Guid? OrderId { get; private set; }

    public string? OrderNumber { get; private set; }

    public Guid? ReturnId { get; private set; }

    public string? RmaNumber { get; private set; }

    public static Notification Email(
        Guid sourceEventId,
        string template,
        string locale,
        string recipient,
        string? recipientName,
        RenderedEmail content,
        MessageReference reference,
        DateTime now,
        RetrySchedule schedule)
    {
        var notification = new Notification
        {
            SourceEventId = sourceEventId,
            Channel = NotificationChannel.Email,
            Template = template,
            Locale = locale,
            Recipient = recipient,
            RecipientName = recipientName,
            Subject = content.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            Storefront = reference.Storefront,
            OrderId = reference.OrderId,
            OrderNumber = reference.OrderNumber,
            ReturnId = reference.ReturnId,
            RmaNumber = reference.RmaNumber,
        };
        notification.Start(now, schedule);
        return notification;
    }
}
