namespace OrderHub.Notifications;

/// <summary>Bound from <c>OrderHub:Smtp</c>. Without a host, emails are recorded and wait until one is configured.</summary>
internal sealed class SmtpOptions
{
    public const string SectionName = "OrderHub:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "OrderHub <no-reply@orderhub.local>";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS before authenticating and sending.</summary>
    public bool EnableTls { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}
