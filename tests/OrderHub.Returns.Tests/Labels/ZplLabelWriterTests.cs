using System.Text.RegularExpressions;
using OrderHub.Returns.Labels;

namespace OrderHub.Returns.Tests.Labels;

public sealed class ZplLabelWriterTests
{
    [Fact]
    public void The_ZPL_label_is_one_UTF8_format_with_the_RMA_as_text_and_QR_code()
    {
        var zpl = ZplLabelWriter.Write(SampleLabels.Standard());

        zpl.ShouldStartWith("^XA");
        zpl.TrimEnd().ShouldEndWith("^XZ");
        Regex.Count(zpl, @"\^XA").ShouldBe(1);
        zpl.ShouldContain("^CI28");
        zpl.ShouldContain("^PW812");
        zpl.ShouldContain($"^BQN,2,8^FH\\^FDQA,{SampleLabels.Rma}^FS");
        zpl.ShouldContain($"^FD{SampleLabels.Rma}^FS");
        zpl.ShouldContain("^FD3011 AB Rotterdam^FS");
        zpl.ShouldContain("^FDSpringfield, IL 62704^FS");
        zpl.ShouldContain("^FD2 x SKU-TSHIRT-M  Organic cotton T-shirt, medium^FS");
    }

    [Fact]
    public void The_ZPL_label_carries_the_tracking_number() =>
        ZplLabelWriter.Write(SampleLabels.Standard()).ShouldContain($"^FD{SampleLabels.TrackingNumber}^FS");

    [Fact]
    public void A_long_RMA_number_is_printed_whole_in_smaller_type_rather_than_cut()
    {
        const string rma = "RMA-2026-0001234567-EU";

        var zpl = ZplLabelWriter.Write(SampleLabels.Standard() with { RmaNumber = rma });

        Regex.Count(zpl, Regex.Escape($"^FD{rma}^FS")).ShouldBe(2);
    }

    [Fact]
    public void Every_field_is_closed_before_the_next_one_opens()
    {
        var zpl = ZplLabelWriter.Write(SampleLabels.Standard(items: SampleLabels.Items(9)));

        var markers = Regex.Matches(zpl, @"\^F[DS]").Select(m => m.Value).ToList();
        markers.Count(m => m == "^FD").ShouldBeGreaterThan(10);
        // Boxes (^GB) end with ^FS and carry no data, so only the converse must hold.
        for (var i = 0; i < markers.Count; i++)
        {
            if (markers[i] == "^FD")
            {
                markers.ElementAtOrDefault(i + 1).ShouldBe("^FS", $"field {i}");
            }
        }

        zpl.ShouldContain("^FD+5 more^FS");
    }

    [Fact]
    public void Carets_and_tildes_in_customer_text_cannot_start_printer_commands()
    {
        var from = SampleLabels.Standard().From with { Name = "A^XZ~JR\\B Łódź" };

        var zpl = ZplLabelWriter.Write(SampleLabels.Standard(from: from));

        zpl.ShouldContain("^FDA\\5EXZ\\7EJR\\5CB Łódź^FS");
        Regex.Count(zpl, @"\^XZ").ShouldBe(1);
    }
}
