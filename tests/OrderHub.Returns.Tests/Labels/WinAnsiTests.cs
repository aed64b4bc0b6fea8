using OrderHub.Returns.Labels;

namespace OrderHub.Returns.Tests.Labels;

public sealed class WinAnsiTests
{
    [Theory]
    [InlineData("Ab 1", new byte[] { 0x41, 0x62, 0x20, 0x31 })]
    [InlineData("Café", new byte[] { 0x43, 0x61, 0x66, 0xE9 })]
    [InlineData("€ – ™", new byte[] { 0x80, 0x20, 0x96, 0x20, 0x99 })]
    [InlineData("Łódź", new byte[] { 0x4C, 0xF3, 0x64, 0x7A })]
    [InlineData("北京", new byte[] { 0x3F, 0x3F })]
    [InlineData("a\tb\nc", new byte[] { 0x61, 0x20, 0x62, 0x20, 0x63 })]
    [InlineData("😀", new byte[] { 0x3F })]
    public void Text_becomes_WinAnsi_bytes_with_Latin_fallbacks(string text, byte[] expected)
    {
        WinAnsi.Encode(text).ShouldBe(expected);
    }
}
