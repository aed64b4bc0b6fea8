namespace OrderHub.Returns.Labels;

/// <summary>
/// Glyph widths of the standard Helvetica fonts (Adobe AFM, thousandths of an em), so a line
/// can be cut to the width of the label before it runs off the edge.
/// </summary>
internal static class HelveticaMetrics
{
    // Printable ASCII, 0x20-0x7E.
    private static readonly short[] Regular =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] Bold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    // Accented capitals are as wide as the widest plain ones; erring wide only cuts a line early.
    private const int OutsideAscii = 722;

    public static double Width(PdfFont font, ReadOnlySpan<byte> text, double size)
    {
        var table = font == PdfFont.HelveticaBold ? Bold : Regular;
        var units = 0;
        foreach (var b in text)
        {
            units += b is >= 0x20 and <= 0x7E ? table[b - 0x20] : OutsideAscii;
        }

        return units * size / 1000;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits, with "..." when cut.</summary>
    public static byte[] Fit(PdfFont font, byte[] text, double size, double maxWidth)
    {
        if (Width(font, text, size) <= maxWidth)
        {
            return text;
        }

        var ellipsis = "..."u8;
        var room = maxWidth - Width(font, ellipsis, size);
        var length = text.Length;
        while (length > 0 && Width(font, text.AsSpan(0, length), size) > room)
        {
            length--;
        }

        return [.. text.AsSpan(0, length), .. ellipsis];
    }
}
