using System.Text;
using OrderHub.Notifications.Sending;

namespace OrderHub.Notifications.Tests;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_sha256_equals_the_lowercase_hex_HMAC_of_the_body() =>
        WebhookSignature.Compute("key", Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"))
            .ShouldBe("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");

    [Fact]
    public void A_different_secret_gives_a_different_signature()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"1"}""");

        WebhookSignature.Compute("first-secret-0123", body).ShouldNotBe(WebhookSignature.Compute("other-secret-0123", body));
    }

    [Fact]
    public void The_signature_covers_the_exact_bytes_of_the_body()
    {
        const string secret = "whsec-0123456789";

        WebhookSignature.Compute(secret, Encoding.UTF8.GetBytes("""{"id":"1"}"""))
            .ShouldNotBe(WebhookSignature.Compute(secret, Encoding.UTF8.GetBytes("""{ "id":"1"}""")));
    }

    [Fact]
    public void The_signature_travels_in_the_X_OrderHub_Signature_header() =>
        WebhookSignature.Header.ShouldBe("X-OrderHub-Signature");
}
