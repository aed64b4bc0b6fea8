using System.Text;

namespace OrderHub.Returns.Labels;

/// <summary>PDF literal strings, <c>(like this)</c>, from WinAnsi bytes.</summary>
internal static class PdfStrings
{
    public static string Literal(string text) => Literal(WinAnsi.Encode(text));

    // Octal escapes for everything outside printable ASCII keep the file's objects pure ASCII,
    // so a stream's length in bytes is its length in characters and no transport can mangle it.
    public static string Literal(byte[] text)
    {
        var escaped = new StringBuilder(text.Length + 2).Append('(');
        foreach (var b in text)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                escaped.Append('\\').Append((char)b);
            }
            else if (b is < 0x20 or > 0x7E)
            {
                escaped.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            }
            else
            {
                escaped.Append((char)b);
            }
        }

        return escaped.Append(')').ToString();
    }
}
