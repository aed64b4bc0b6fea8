namespace OrderHub.Notifications.Domain;

/// <summary>A rendered email: subject, plain text and HTML.</summary>
internal sealed record RenderedEmail(string Subject, string Text, string Html);
