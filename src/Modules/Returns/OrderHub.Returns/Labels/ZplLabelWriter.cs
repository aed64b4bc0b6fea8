using System.Globalization;
using System.Text;

namespace OrderHub.Returns.Labels;

/// <summary>
/// The return label in ZPL II for the warehouse's 4 x 6 in thermal printers at 203 dpi
/// (812 x 1218 dots), laid out like the PDF; the printer draws the QR code itself.
/// </summary>
internal static class ZplLabelWriter
{
    private const int Width = 812;
    private const int Height = 1218;
    private const int Margin = 24;
    private const int ContentWidth = Width - (2 * Margin);
    private const int MaxItemLines = 5;

    // Font 0 is proportional; its characters average about 0.6 of their height in width.
    private const double CharacterWidth = 0.6;

    public static string Write(ReturnLabel label)
    {
        var zpl = new StringBuilder();
        // ^CI28: field data is UTF-8, so names in any script reach printers whose fonts have them.
        zpl.Append(Invariant($"^XA\n^CI28\n^PW{Width}\n^LL{Height}\n^LH0,0\n"));

        zpl.Append(Invariant($"^FO{Margin},{Margin}^GB{ContentWidth},80,80^FS\n"));
        // ^FR prints white on the black band.
        Field(zpl, Margin + 20, 44, 56, "RETURN", 300, "^FR");
        WholeField(zpl, 400, 52, 34, label.RmaNumber, 368, "^FR^FB368,1,0,R");

        Field(zpl, Margin, 124, 20, "FROM", 400);
        Lines(zpl, Margin, 150, 24, 26, label.From.ToLines(), 430);
        const int column = 480;
        Field(zpl, column, 124, 20, "ORDER", 300);
        // A return of several orders names them all: the font shrinks rather than cutting a number off.
        WholeField(zpl, column, 150, 30, label.OrderNumber, Width - Margin - column);
        Field(zpl, column, 196, 20, "ISSUED", 300);
        Field(zpl, column, 220, 26, LabelDates.Format(label.IssuedAt), 300);
        if (label.ShipBy is { } shipBy)
        {
            Field(zpl, column, 256, 20, "SHIP BY", 300);
            Field(zpl, column, 280, 26, LabelDates.Format(shipBy), 300);
        }

        zpl.Append(Invariant($"^FO{Margin},320^GB{ContentWidth},3,3^FS\n"));
        zpl.Append(Invariant($"^FO{Margin},340^GB{ContentWidth},280,4^FS\n"));
        Field(zpl, Margin + 20, 356, 20, "SHIP TO", 300);
        Lines(zpl, Margin + 20, 386, 40, 46, label.To.ToLines(), ContentWidth - 40);

        // Model 2, magnification 8: 8-dot (1 mm) modules, error correction Q as on the PDF.
        zpl.Append(Invariant($"^FO{Margin},650^BQN,2,8^FH\\^FDQA,{Escape(label.RmaNumber)}^FS\n"));
        const int codeColumn = 320;
        Field(zpl, codeColumn, 670, 20, "RMA NUMBER", 300);
        WholeField(zpl, codeColumn, 700, 56, label.RmaNumber, Width - Margin - codeColumn);
        Field(zpl, codeColumn, 780, 20, "RETURNS TO WAREHOUSE", 400);
        Field(zpl, codeColumn, 806, 32, label.WarehouseName, Width - Margin - codeColumn);
        Field(zpl, codeColumn, 850, 20, "TRACKING", 300);
        WholeField(zpl, codeColumn, 874, 30, label.TrackingNumber, Width - Margin - codeColumn);

        zpl.Append(Invariant($"^FO{Margin},920^GB{ContentWidth},3,3^FS\n"));
        Field(zpl, Margin, 940, 20, "CONTENTS", 300);
        Lines(zpl, Margin, 970, 26, 32, ItemLines.Summarise(label.Items, MaxItemLines), ContentWidth);

        zpl.Append("^XZ\n");
        return zpl.ToString();
    }

    private static void Lines(StringBuilder zpl, int x, int y, int height, int step, IEnumerable<string> lines, int maxWidth)
    {
        foreach (var line in lines)
        {
            Field(zpl, x, y, height, line, maxWidth);
            y += step;
        }
    }

    private static void Field(StringBuilder zpl, int x, int y, int height, string text, int maxWidth, string options = "")
    {
        // Cutting by character count keeps a long street name from running into the next column.
        var maxChars = Math.Max(1, (int)(maxWidth / (height * CharacterWidth)));
        var fitted = text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, Math.Max(0, maxChars - 3)), "...");
        Emit(zpl, x, y, height, fitted, options);
    }

    /// <summary>For text that must never be cut, such as the RMA number: the font shrinks instead.</summary>
    private static void WholeField(StringBuilder zpl, int x, int y, int height, string text, int maxWidth, string options = "")
    {
        var fitting = (int)(maxWidth / (Math.Max(1, text.Length) * CharacterWidth));
        Emit(zpl, x, y, Math.Clamp(fitting, 10, height), text, options);
    }

    private static void Emit(StringBuilder zpl, int x, int y, int height, string text, string options) =>
        zpl.Append(Invariant($"^FO{x},{y}^A0N,{height},{height}{options}^FH\\^FD{Escape(text)}^FS\n"));

    // ^ and ~ start commands even inside field data; ^FH\ turns \XX into the byte XX instead.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\5C",
                '^' => "\\5E",
                '~' => "\\7E",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
