namespace OrderHub.Notifications.Sending;

/// <summary>
/// An email the SMTP server did not take, with the reason as an operator should read it in the notification log.
/// <see cref="Permanent"/> is set when the server refused this message for good (a 5xx answer about its recipient
/// or content): sending it again cannot succeed.
/// </summary>
internal sealed class SmtpSendException(string message, bool permanent, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool Permanent { get; } = permanent;
}
