using System.Security.Cryptography;
using System.Text;

namespace OrderHub.Notifications.Sending;

/// <summary><c>X-OrderHub-Signature: sha256=&lt;hex&gt;</c>: HMAC-SHA256 of the exact body bytes with the subscription's secret.</summary>
internal static class WebhookSignature
{
    public const string Header = "X-OrderHub-Signature";

    public static string Compute(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
