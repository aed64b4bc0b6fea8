using System.Text;
using OrderHub.Notifications.CustomerLinks;

namespace OrderHub.Notifications.Tests;

public sealed class LinkTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-link-signing-key-of-enough-length!");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_opens_its_subject_until_it_expires()
    {
        var token = LinkToken.Create(Key, "return-page", "RMA-1", Now.AddDays(60));

        LinkToken.IsValid(Key, "return-page", "RMA-1", token, Now.AddDays(59)).ShouldBeTrue();
        LinkToken.IsValid(Key, "return-page", "RMA-1", token, Now.AddDays(60)).ShouldBeFalse();
    }

    [Fact]
    public void A_token_never_opens_another_subject_or_purpose()
    {
        var token = LinkToken.Create(Key, "return-page", "RMA-1", Now.AddDays(1));

        LinkToken.IsValid(Key, "return-page", "RMA-2", token, Now).ShouldBeFalse();
        LinkToken.IsValid(Key, "other-page", "RMA-1", token, Now).ShouldBeFalse();
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var token = LinkToken.Create(Encoding.UTF8.GetBytes("another-link-signing-key-of-length!!"), "return-page", "RMA-1", Now.AddDays(1));

        LinkToken.IsValid(Key, "return-page", "RMA-1", token, Now).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-base64-!!")]
    [InlineData("AAAA")]
    public void Garbage_is_refused_without_an_error(string? token) =>
        LinkToken.IsValid(Key, "return-page", "RMA-1", token, Now).ShouldBeFalse();
}
