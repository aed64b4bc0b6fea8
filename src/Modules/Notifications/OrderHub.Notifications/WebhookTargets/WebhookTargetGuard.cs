using System.Net;
using System.Net.Sockets;

namespace OrderHub.Notifications.WebhookTargets;

/// <summary>
/// Keeps webhooks away from the machine, its network and its cloud's metadata services: a subscription URL is
/// vetted when it is created, and every connection is vetted again when it is opened, against the addresses
/// the name resolves to at that moment, and then made to exactly those addresses, so a DNS answer that changes
/// between the check and the connection (rebinding) cannot redirect a delivery. With
/// <c>OrderHub:Webhooks:AllowPrivateTargets</c> only the URL's shape is checked.
/// </summary>
internal sealed class WebhookTargetGuard(WebhookOptions options)
{
    /// <summary>Why a subscription may not use this URL, or null when it may.</summary>
    public async Task<string?> ProblemWithAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url must be an absolute http or https URL.";
        }

        var authority = RawAuthority(url);
        if (!string.IsNullOrEmpty(uri.UserInfo) || authority.Contains('@', StringComparison.Ordinal))
        {
            return "url must not contain a user name or password; authenticate deliveries with the signature instead.";
        }

        var host = HostOf(authority);
        if (uri.HostNameType == UriHostNameType.IPv4 && !string.Equals(host, uri.Host, StringComparison.OrdinalIgnoreCase))
        {
            return $"url must write an IPv4 address as four decimal numbers (a.b.c.d); '{host}' is an integer, octal or hexadecimal form of {uri.Host}.";
        }

        if (options.AllowPrivateTargets)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ResolveTimeout);
        try
        {
            await ResolvePublicAsync(uri.IdnHost, timeout.Token);
            return null;
        }
        catch (WebhookTargetRefusedException refused)
        {
            return $"url {refused.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"url host '{uri.Host}' could not be resolved within {options.ResolveTimeout.TotalSeconds:0.#} s.";
        }
    }

    /// <summary>
    /// Connects a webhook request: resolves the host, refuses unless every address is public, and connects to
    /// one of those very addresses. Used as the webhook handler's <see cref="SocketsHttpHandler.ConnectCallback"/>.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolvePublicAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Every address the host stands for, all of them public; otherwise <see cref="WebhookTargetRefusedException"/>.</summary>
    private static async Task<IPAddress[]> ResolvePublicAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        IPAddress[] addresses;
        if (IPAddress.TryParse(literal, out var address) && Uri.CheckHostName(literal) is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            addresses = [address];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                addresses = [];
            }

            if (addresses.Length == 0)
            {
                throw new WebhookTargetRefusedException($"host '{host}' does not resolve to any address.");
            }
        }

        // One bad address is enough: the resolver may hand out any of them, on any attempt.
        foreach (var candidate in addresses)
        {
            if (PublicAddresses.WhyNotPublic(candidate) is { } reason)
            {
                var named = literal == candidate.ToString() ? $"{candidate}" : $"'{host}' resolves to {candidate}, which";
                throw new WebhookTargetRefusedException($"host {named} is {reason}; webhooks are delivered only to public addresses.");
            }
        }

        return addresses;
    }

    /// <summary>The authority exactly as written in the URL, before <see cref="Uri"/> normalises it.</summary>
    private static string RawAuthority(string url)
    {
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? url[(i + 3)..] : url;
        return afterScheme[..(afterScheme.IndexOfAny(['/', '?', '#', '\\']) is var end and >= 0 ? end : afterScheme.Length)];
    }

    /// <summary>The host as written (numeric IPv4 forms not yet normalised), without user information and port.</summary>
    private static string HostOf(string authority)
    {
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        if (host.StartsWith('['))
        {
            return host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)];
        }

        return host.LastIndexOf(':') is var colon and >= 0 ? host[..colon] : host;
    }
}
