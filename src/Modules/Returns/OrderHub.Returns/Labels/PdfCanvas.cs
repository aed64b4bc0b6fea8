using System.Globalization;
using System.Text;

namespace OrderHub.Returns.Labels;

/// <summary>
/// A page content stream: text in the standard fonts and filled or stroked shapes, in points
/// from the bottom-left corner as PDF measures them.
/// </summary>
internal sealed class PdfCanvas
{
    private readonly StringBuilder operators = new();

    /// <summary>The resource name under which the page's font dictionary lists each font.</summary>
    public static string ResourceName(PdfFont font) => font == PdfFont.HelveticaBold ? "F2" : "F1";

    /// <summary>Draws one line of text, cut with "..." where it would pass <paramref name="maxWidth"/>.</summary>
    public void Text(PdfFont font, double size, double x, double y, string text, double maxWidth = double.MaxValue)
        => Show(font, size, x, y, HelveticaMetrics.Fit(font, WinAnsi.Encode(text), size, maxWidth));

    /// <summary>
    /// Draws text that must never be cut, such as the RMA number: the font shrinks instead until
    /// the whole text fits <paramref name="width"/>, left-aligned at <paramref name="x"/> or
    /// right-aligned to end there.
    /// </summary>
    public void WholeText(PdfFont font, double maxSize, double x, double y, string text, double width, bool alignRight = false)
    {
        var encoded = WinAnsi.Encode(text);
        var natural = HelveticaMetrics.Width(font, encoded, 1);
        var size = natural > 0 ? Math.Min(maxSize, width / natural) : maxSize;
        Show(font, size, alignRight ? x - (natural * size) : x, y, encoded);
    }

    /// <summary>0 is black, 1 is white; applies to fills and text drawn after it.</summary>
    public void FillGray(double level) => Append($"{N(level)} g");

    public void FillRectangle(double x, double y, double width, double height) =>
        Append($"{N(x)} {N(y)} {N(width)} {N(height)} re f");

    public void StrokeRectangle(double x, double y, double width, double height, double lineWidth) =>
        Append($"{N(lineWidth)} w {N(x)} {N(y)} {N(width)} {N(height)} re S");

    public void Line(double x1, double y1, double x2, double y2, double lineWidth) =>
        Append($"{N(lineWidth)} w {N(x1)} {N(y1)} m {N(x2)} {N(y2)} l S");

    public byte[] ToBytes() => Encoding.ASCII.GetBytes(operators.ToString());

    private void Show(PdfFont font, double size, double x, double y, byte[] encoded) =>
        Append($"BT /{ResourceName(font)} {N(size)} Tf {N(x)} {N(y)} Td {PdfStrings.Literal(encoded)} Tj ET");

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private void Append(string line) => operators.Append(line).Append('\n');
}
