using System.Net;
using System.Net.Sockets;

namespace OrderHub.Notifications.WebhookTargets;

/// <summary>
/// Which IP addresses a webhook may be sent to: only public unicast ones. Everything that reaches the machine
/// itself, its network or its cloud provider's instance services is refused, with the reason in words.
/// </summary>
internal static class PublicAddresses
{
    private static readonly (IPNetwork Network, string Reason)[] Ipv4Ranges =
    [
        // Instance metadata services come first: they sit inside broader ranges but deserve the plainer name.
        (IPNetwork.Parse("169.254.169.254/32"), "a cloud instance metadata address"),
        (IPNetwork.Parse("100.100.100.200/32"), "a cloud instance metadata address"),
        (IPNetwork.Parse("168.63.129.16/32"), "a cloud platform service address"),
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified ('this network') address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved protocol address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
    ];

    private static readonly (IPNetwork Network, string Reason)[] Ipv6Ranges =
    [
        (IPNetwork.Parse("fd00:ec2::254/128"), "a cloud instance metadata address"),
        (IPNetwork.Parse("::/128"), "the unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), "a site-local address"),
        (IPNetwork.Parse("fc00::/7"), "a unique-local (private) address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation address"),
        (IPNetwork.Parse("2001::/23"), "a reserved protocol address (Teredo and others)"),
    ];

    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Null for a public unicast address, otherwise why it is refused.</summary>
    public static string? WhyNotPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Ipv4Ranges.FirstOrDefault(r => r.Network.Contains(address)).Reason;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            // A receiver has no reason to be written this way; it is a classic way round address filters.
            return $"an IPv4-mapped IPv6 address (of {address.MapToIPv4()})";
        }

        if (Ipv6Ranges.FirstOrDefault(r => r.Network.Contains(address)).Reason is { } reason)
        {
            return reason;
        }

        if (SixToFour.Contains(address))
        {
            var bytes = address.GetAddressBytes();
            var embedded = new IPAddress(bytes.AsSpan(2, 4));
            return WhyNotPublic(embedded) is { } inner ? $"a 6to4 address of {embedded}, {inner}" : null;
        }

        return GlobalUnicast.Contains(address) ? null : "a reserved address (not global unicast)";
    }
}
