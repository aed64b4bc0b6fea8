using System.Globalization;

namespace OrderHub.Returns.Labels;

/// <summary>
/// The printable return label: one PDF page with the warehouse address large, the customer's
/// small, the RMA number as text and as a QR code, the order, the dates and the contents.
/// </summary>
/// <remarks>
/// The page is 4 x 6 in (288 x 432 pt), the stock of thermal shipping-label printers, which
/// also prints centred on A4 or Letter; the ZPL label has the same size, so a label looks the
/// same whichever printer the customer or the warehouse uses.
/// </remarks>
internal static class PdfLabelWriter
{
    public const double PageWidth = 288;
    public const double PageHeight = 432;

    /// <summary>Side of the QR code's square, quiet zone included; 1.5 in keeps modules near 1 mm.</summary>
    public const double QrSize = 108;

    public const double QrLeft = Margin;

    /// <summary>The QR code's top edge, from the bottom of the page.</summary>
    public const double QrTop = 204;

    private const double Margin = 12;
    private const double ContentWidth = PageWidth - (2 * Margin);
    private const double LabelSize = 6.5;
    private const int MaxItemLines = 5;

    public static byte[] Write(ReturnLabel label)
    {
        var canvas = new PdfCanvas();
        DrawHeader(canvas, label);
        DrawSender(canvas, label);
        DrawRecipient(canvas, label.To);
        DrawCode(canvas, label);
        DrawContents(canvas, label.Items);
        return Assemble(canvas, label);
    }

    private static void DrawHeader(PdfCanvas canvas, ReturnLabel label)
    {
        canvas.FillRectangle(Margin, 392, ContentWidth, 28);
        canvas.FillGray(1);
        canvas.Text(PdfFont.HelveticaBold, 20, Margin + 8, 399, "RETURN");
        canvas.WholeText(PdfFont.HelveticaBold, 12, PageWidth - Margin - 8, 401, label.RmaNumber, 160, alignRight: true);
        canvas.FillGray(0);
    }

    private static void DrawSender(PdfCanvas canvas, ReturnLabel label)
    {
        Caption(canvas, Margin, 380, "FROM");
        var y = 370.0;
        foreach (var line in label.From.ToLines())
        {
            canvas.Text(PdfFont.Helvetica, 8, Margin, y, line, 150);
            y -= 9.5;
        }

        const double column = 176;
        const double width = PageWidth - Margin - column;
        Caption(canvas, column, 380, "ORDER");
        canvas.WholeText(PdfFont.HelveticaBold, 10, column, 369, label.OrderNumber, width);
        Caption(canvas, column, 355, "ISSUED");
        canvas.Text(PdfFont.Helvetica, 9, column, 345, LabelDates.Format(label.IssuedAt));
        if (label.ShipBy is { } shipBy)
        {
            Caption(canvas, column, 331, "SHIP BY");
            canvas.Text(PdfFont.HelveticaBold, 9, column, 321, LabelDates.Format(shipBy));
        }

        canvas.Line(Margin, 314, PageWidth - Margin, 314, 1);
    }

    private static void DrawRecipient(PdfCanvas canvas, LabelAddress to)
    {
        canvas.StrokeRectangle(Margin, 212, ContentWidth, 98, 1.5);
        Caption(canvas, Margin + 6, 300, "SHIP TO");
        var lines = to.ToLines();
        var y = 284.0;
        for (var i = 0; i < lines.Count; i++)
        {
            // The name and the country are what a sorter reads first.
            var font = i == 0 || i == lines.Count - 1 ? PdfFont.HelveticaBold : PdfFont.Helvetica;
            canvas.Text(font, i == 0 ? 14 : 12, Margin + 6, y, lines[i], ContentWidth - 12);
            y -= i == 0 ? 16 : 15;
        }
    }

    private static void DrawCode(PdfCanvas canvas, ReturnLabel label)
    {
        var modules = QrModules.Encode(label.RmaNumber);
        var module = QrSize / modules.Size;
        foreach (var run in modules.DarkRuns())
        {
            canvas.FillRectangle(QrLeft + (run.Column * module), QrTop - ((run.Row + 1) * module), run.Length * module, module);
        }

        const double column = QrLeft + QrSize + 8;
        const double width = PageWidth - Margin - column;
        Caption(canvas, column, 192, "RMA NUMBER");
        canvas.WholeText(PdfFont.HelveticaBold, 20, column, 172, label.RmaNumber, width);
        Caption(canvas, column, 154, "RETURNS TO WAREHOUSE");
        canvas.Text(PdfFont.HelveticaBold, 10, column, 143, label.WarehouseName, width);
        Caption(canvas, column, 131, "TRACKING");
        canvas.WholeText(PdfFont.HelveticaBold, 9, column, 121, label.TrackingNumber, width);
        canvas.Text(PdfFont.Helvetica, 7, column, 109, "Scan or quote the RMA number", width);
        canvas.Text(PdfFont.Helvetica, 7, column, 100, "at drop-off. Keep the code uncovered.", width);
        canvas.Line(Margin, 92, PageWidth - Margin, 92, 1);
    }

    private static void DrawContents(PdfCanvas canvas, IReadOnlyList<LabelItem> items)
    {
        var units = items.Sum(item => item.Quantity);
        Caption(canvas, Margin, 83, string.Create(CultureInfo.InvariantCulture, $"CONTENTS ({units} {(units == 1 ? "UNIT" : "UNITS")})"));
        var y = 73.0;
        foreach (var line in ItemLines.Summarise(items, MaxItemLines))
        {
            canvas.Text(PdfFont.Helvetica, 8, Margin, y, line, ContentWidth);
            y -= 9.5;
        }

        canvas.Text(PdfFont.Helvetica, 6.5, Margin, 14, "Attach to the outside of the parcel and remove or cover any old labels.", ContentWidth);
    }

    private static void Caption(PdfCanvas canvas, double x, double y, string text) =>
        canvas.Text(PdfFont.HelveticaBold, LabelSize, x, y, text);

    private static byte[] Assemble(PdfCanvas canvas, ReturnLabel label)
    {
        var pdf = new PdfDocumentBuilder();
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var regular = pdf.Add(StandardFont("Helvetica"));
        var bold = pdf.Add(StandardFont("Helvetica-Bold"));
        var content = pdf.AddStream(canvas.ToBytes());
        var page = pdf.Add(string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] " +
            $"/Resources << /Font << /{PdfCanvas.ResourceName(PdfFont.Helvetica)} {regular} 0 R " +
            $"/{PdfCanvas.ResourceName(PdfFont.HelveticaBold)} {bold} 0 R >> >> /Contents {content} 0 R >>"));
        pdf.Define(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Define(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        // The creation date is the issue date, not the clock, so the same RMA always yields the same bytes.
        var info = pdf.Add(
            $"<< /Title {PdfStrings.Literal($"Return label {label.RmaNumber}")} /Producer (OrderHub) " +
            $"/CreationDate (D:{label.IssuedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z) >>");
        return pdf.Build(catalog, info);
    }

    private static string StandardFont(string name) =>
        $"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>";
}
