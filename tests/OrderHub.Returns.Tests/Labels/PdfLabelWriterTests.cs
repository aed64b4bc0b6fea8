using System.Text;
using System.Text.RegularExpressions;
using OrderHub.Returns.Labels;

namespace OrderHub.Returns.Tests.Labels;

public sealed class PdfLabelWriterTests
{
    [Fact]
    public void A_PDF_reader_finds_the_RMA_order_both_cities_and_the_items_on_the_label()
    {
        var text = Poppler.Text(PdfLabelWriter.Write(SampleLabels.Standard()));

        text.ShouldContain(SampleLabels.Rma);
        text.ShouldContain("OH-100045");
        text.ShouldContain("Springfield, IL 62704");
        text.ShouldContain("3011 AB Rotterdam");
        text.ShouldContain("SKU-TSHIRT-M");
        text.ShouldContain("2026-11-23");
        text.ShouldContain("2026-12-07");
    }

    [Fact]
    public void The_PDF_label_carries_the_tracking_number()
    {
        var text = Poppler.Text(PdfLabelWriter.Write(SampleLabels.Standard()));

        text.ShouldContain("TRACKING");
        text.ShouldContain(SampleLabels.TrackingNumber);
    }

    [Fact]
    public void A_long_RMA_number_is_printed_whole_in_the_header_and_beside_the_code()
    {
        const string rma = "RMA-2026-0001234567-EU";

        var text = Poppler.Text(PdfLabelWriter.Write(SampleLabels.Standard() with { RmaNumber = rma }));

        Regex.Count(text, Regex.Escape(rma)).ShouldBe(2);
    }

    [Fact]
    public void Poppler_sees_one_clean_4_by_6_inch_page()
    {
        using var scratch = new ScratchFolder();
        var result = Poppler.Run("pdfinfo", scratch.Write("label.pdf", PdfLabelWriter.Write(SampleLabels.Standard())));

        result.Errors.ShouldBeEmpty();
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldMatch(@"Pages:\s+1\n");
        result.Output.ShouldMatch(@"Page size:\s+288 x 432 pts");
        result.Output.ShouldMatch(@"PDF version:\s+1\.4");
    }

    [Fact]
    public void Poppler_renders_the_label_to_a_PNG_without_complaint()
    {
        using var scratch = new ScratchFolder();
        var pdf = scratch.Write("label.pdf", PdfLabelWriter.Write(SampleLabels.Standard()));
        var prefix = scratch.File("page");

        var result = Poppler.Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, prefix);

        result.Errors.ShouldBeEmpty();
        result.ExitCode.ShouldBe(0);
        File.ReadAllBytes(prefix + ".png").Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    [Fact]
    public void The_printed_QR_code_is_module_for_module_the_code_of_the_RMA_number()
    {
        const int dpi = 150;
        using var scratch = new ScratchFolder();
        var pdf = scratch.Write("label.pdf", PdfLabelWriter.Write(SampleLabels.Standard()));
        var prefix = scratch.File("page");
        Poppler.Run("pdftoppm", "-r", $"{dpi}", "-gray", "-singlefile", pdf, prefix).Errors.ShouldBeEmpty();
        var image = GrayImage.Parse(File.ReadAllBytes(prefix + ".pgm"));
        var expected = QrModules.Encode(SampleLabels.Rma);

        var scale = dpi / 72.0;
        var module = PdfLabelWriter.QrSize / expected.Size;
        var top = PdfLabelWriter.PageHeight - PdfLabelWriter.QrTop;
        image.Width.ShouldBe((int)Math.Round(PdfLabelWriter.PageWidth * scale));
        var printed = new StringBuilder();
        var wanted = new StringBuilder();
        for (var row = 0; row < expected.Size; row++)
        {
            for (var column = 0; column < expected.Size; column++)
            {
                var x = (PdfLabelWriter.QrLeft + ((column + 0.5) * module)) * scale;
                var y = (top + ((row + 0.5) * module)) * scale;
                printed.Append(image.IsDark(x, y) ? '#' : '.');
                wanted.Append(expected.IsDark(row, column) ? '#' : '.');
            }

            printed.Append('\n');
            wanted.Append('\n');
        }

        printed.ToString().ShouldBe(wanted.ToString());
    }

    [Fact]
    public void Polish_and_Chinese_names_print_as_Latin_letters_or_question_marks_and_the_PDF_stays_valid()
    {
        var from = new LabelAddress("Zażółć Gęślą (Jaźń) \\ 王小明", "ul. Piotrkowska 1", null, "Łódź", null, "90-001", "Polska");
        var pdf = PdfLabelWriter.Write(SampleLabels.Standard(from: from));

        using var scratch = new ScratchFolder();
        var info = Poppler.Run("pdfinfo", scratch.Write("label.pdf", pdf));
        info.Errors.ShouldBeEmpty();
        var text = Poppler.Text(pdf);

        text.ShouldContain("90-001 Lódz");
        text.ShouldContain("Zazólc Gesla (Jazn) \\ ???");
    }

    [Fact]
    public void A_long_contents_list_is_cut_with_a_count_of_what_is_left_out()
    {
        var text = Poppler.Text(PdfLabelWriter.Write(SampleLabels.Standard(items: SampleLabels.Items(12))));

        text.ShouldContain("SKU-001");
        text.ShouldContain("SKU-004");
        text.ShouldNotContain("SKU-005");
        text.ShouldContain("+8 more");
        text.ShouldContain("CONTENTS (12 UNITS)");
    }

    [Fact]
    public void A_label_without_a_ship_by_date_leaves_the_line_out()
    {
        var text = Poppler.Text(PdfLabelWriter.Write(SampleLabels.Standard() with { ShipBy = null }));

        text.ShouldNotContain("SHIP BY");
        text.ShouldContain("ISSUED");
    }

    [Fact]
    public void Every_cross_reference_entry_points_at_the_start_of_its_object()
    {
        var pdf = PdfLabelWriter.Write(SampleLabels.Standard());
        var latin = Encoding.Latin1.GetString(pdf);

        var startxref = int.Parse(Regex.Match(latin, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value);
        latin[startxref..].ShouldStartWith("xref\n0 ");
        var entries = Regex.Matches(latin[startxref..], @"(\d{10}) 00000 n \n");
        entries.Count.ShouldBe(7);
        for (var i = 0; i < entries.Count; i++)
        {
            latin[int.Parse(entries[i].Groups[1].Value)..].ShouldStartWith($"{i + 1} 0 obj\n");
        }

        latin.ShouldContain($"/Size {entries.Count + 1}");
    }

    [Fact]
    public void The_same_label_always_yields_the_same_bytes()
    {
        PdfLabelWriter.Write(SampleLabels.Standard()).ShouldBe(PdfLabelWriter.Write(SampleLabels.Standard()));
    }

    [Fact]
    public void An_address_too_long_for_the_label_is_cut_with_an_ellipsis()
    {
        var from = SampleLabels.Standard().From with { Line1 = "Building 7, Entrance C, Floor 12, Office 1204, Long Industrial Estate Road" };

        var text = Poppler.Text(PdfLabelWriter.Write(SampleLabels.Standard(from: from)));

        text.ShouldContain("Building 7, Entrance C");
        text.ShouldNotContain("Estate Road");
        text.ShouldContain("...");
    }
}
