using System.Globalization;
using System.Text;

namespace OrderHub.Returns.Labels;

/// <summary>
/// Text in WinAnsiEncoding, the only encoding the PDF standard fonts understand without
/// embedding a font. Whatever it cannot show becomes its closest Latin letter or '?', so a
/// label never carries bytes a reader would misread.
/// </summary>
internal static class WinAnsi
{
    // Bytes 0x80-0x9F are where WinAnsi departs from Latin-1; 0 marks the five unused slots.
    private const string HighBlock =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    // Letters that carry their mark in the glyph itself, so Unicode cannot decompose them.
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['\u0141'] = "L", ['\u0142'] = "l", ['\u0110'] = "D", ['\u0111'] = "d",
        ['\u0131'] = "i", ['\u0127'] = "h", ['\u0126'] = "H", ['\u0167'] = "t", ['\u0166'] = "T",
    };

    public static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (TryByte(rune, out var direct))
            {
                bytes.Add(direct);
                continue;
            }

            bytes.AddRange(Fallback(rune));
        }

        return [.. bytes];
    }

    private static IEnumerable<byte> Fallback(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
        {
            return [(byte)' '];
        }

        if (rune.IsBmp && Transliterations.TryGetValue((char)rune.Value, out var latin))
        {
            return Encoding.ASCII.GetBytes(latin);
        }

        // "ą" decomposes into "a" plus a combining ogonek: keep the base letters, drop the marks.
        var stripped = new List<byte>();
        foreach (var part in rune.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!TryByte(part, out var b))
            {
                return [(byte)'?'];
            }

            stripped.Add(b);
        }

        return stripped.Count == 0 ? [(byte)'?'] : stripped;
    }

    private static bool TryByte(Rune rune, out byte value)
    {
        var code = rune.Value;
        if (code is >= 0x20 and <= 0x7E or >= 0xA0 and <= 0xFF)
        {
            value = (byte)code;
            return true;
        }

        var index = code is > 0 and <= 0xFFFF ? HighBlock.IndexOf((char)code, StringComparison.Ordinal) : -1;
        value = index < 0 ? (byte)0 : (byte)(0x80 + index);
        return index >= 0;
    }
}
