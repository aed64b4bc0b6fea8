using System.Globalization;
using System.Xml.Linq;
using OrderHub.Returns.Labels;

namespace OrderHub.Returns.Tests.Labels;

public sealed class SvgLabelWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_SVG_is_the_QR_code_of_the_RMA_with_the_number_beneath()
    {
        var code = QrModules.Encode(SampleLabels.Rma);

        var svg = XDocument.Parse(SvgLabelWriter.Write(SampleLabels.Rma)).Root!;

        svg.Name.ShouldBe(Svg + "svg");
        svg.Attribute("shape-rendering")!.Value.ShouldBe("crispEdges");
        var viewBox = svg.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        viewBox[..3].ShouldBe([0, 0, code.Size]);
        viewBox[3].ShouldBeGreaterThan(code.Size);
        svg.Element(Svg + "text")!.Value.ShouldBe(SampleLabels.Rma);

        var drawn = new bool[code.Size, code.Size];
        foreach (var rect in svg.Element(Svg + "g")!.Elements(Svg + "rect"))
        {
            var (x, y, width) = ((int)rect.Attribute("x")!, (int)rect.Attribute("y")!, (int)rect.Attribute("width")!);
            ((int)rect.Attribute("height")!).ShouldBe(1);
            for (var column = x; column < x + width; column++)
            {
                drawn[y, column] = true;
            }
        }

        for (var row = 0; row < code.Size; row++)
        {
            for (var column = 0; column < code.Size; column++)
            {
                drawn[row, column].ShouldBe(code.IsDark(row, column), $"module {row},{column}");
            }
        }
    }

    [Fact]
    public void Markup_characters_in_the_number_stay_valid_XML()
    {
        var svg = XDocument.Parse(SvgLabelWriter.Write("RMA<&>\"1"));

        svg.Root!.Element(Svg + "text")!.Value.ShouldBe("RMA<&>\"1");
    }
}
