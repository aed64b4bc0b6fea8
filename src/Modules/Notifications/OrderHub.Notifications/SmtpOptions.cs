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

    /// <summary>How the connection is secured. Unset, it follows <see cref="EnableTls"/>.</summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>The older switch for STARTTLS, kept so existing configuration means what it meant: true is <see cref="SmtpSecurity.StartTls"/>, false <see cref="SmtpSecurity.None"/>.</summary>
    public bool EnableTls { get; set; }

    /// <summary>
    /// The SHA-256 thumbprint (hex) of one server certificate to accept although no trusted authority vouches for
    /// it, e.g. a relay's self-signed certificate. Only that exact certificate passes; every other certificate is
    /// still checked against the system's trusted authorities and the host name.
    /// </summary>
    public string? AcceptedCertificateThumbprint { get; set; }

    /// <summary>The longest the SMTP server may take to answer one step (connecting, a command, the message).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public SmtpSecurity EffectiveSecurity => Security ?? (EnableTls ? SmtpSecurity.StartTls : SmtpSecurity.None);

    /// <summary>The pinned thumbprint in the form certificates report it (upper-case hex, no separators); null when none is set.</summary>
    public string? PinnedThumbprint { get; private set; }

    /// <summary>Checks the settings once at startup, so a typo stops the host instead of failing every email.</summary>
    public SmtpOptions Validate()
    {
        if (Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(Port)} must be between 1 and 65535; it is {Port}.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(Timeout)} must be positive; it is {Timeout}.");
        }

        if (!string.IsNullOrWhiteSpace(AcceptedCertificateThumbprint))
        {
            var hex = new string(AcceptedCertificateThumbprint.Where(c => c is not (':' or ' ' or '-')).ToArray()).ToUpperInvariant();
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            {
                throw new InvalidOperationException(
                    $"{SectionName}:{nameof(AcceptedCertificateThumbprint)} must be the SHA-256 thumbprint of the server certificate (64 hex digits).");
            }

            PinnedThumbprint = hex;
        }

        return this;
    }
}

/// <summary>How the SMTP connection is secured.</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain SMTP, never encrypted.</summary>
    None,

    /// <summary>STARTTLS, required: a server that does not offer it gets no email.</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain SMTP otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}
