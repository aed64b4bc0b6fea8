using System.Globalization;
using System.Xml.Linq;

namespace OrderHub.Returns.Labels;

/// <summary>
/// The RMA's QR code alone, with its number underneath, for a customer who drops the parcel
/// off box-free and shows the code on a phone instead of printing a label.
/// </summary>
internal static class SvgLabelWriter
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Units are modules. The number sits below the quiet zone so scanners still see it clear.
    private const int CaptionHeight = 5;

    public static string Write(string rmaNumber)
    {
        var modules = QrModules.Encode(rmaNumber);
        var size = modules.Size;
        var root = new XElement(Svg + "svg",
            new XAttribute("viewBox", Invariant($"0 0 {size} {size + CaptionHeight}")),
            new XAttribute("shape-rendering", "crispEdges"),
            new XAttribute("role", "img"),
            new XElement(Svg + "title", $"Return {rmaNumber}"),
            new XElement(Svg + "rect",
                new XAttribute("width", size), new XAttribute("height", size + CaptionHeight), new XAttribute("fill", "#fff")),
            new XElement(Svg + "g", new XAttribute("fill", "#000"),
                modules.DarkRuns().Select(run => new XElement(Svg + "rect",
                    new XAttribute("x", run.Column), new XAttribute("y", run.Row),
                    new XAttribute("width", run.Length), new XAttribute("height", 1)))),
            new XElement(Svg + "text",
                new XAttribute("x", Invariant($"{size / 2.0}")), new XAttribute("y", size + 2),
                new XAttribute("text-anchor", "middle"), new XAttribute("font-family", "monospace"),
                new XAttribute("font-size", 3), new XAttribute("font-weight", "bold"),
                rmaNumber));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
