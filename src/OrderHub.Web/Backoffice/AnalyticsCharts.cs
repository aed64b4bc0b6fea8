using System.Globalization;
using ScottPlot;

namespace OrderHub.Web.Backoffice;

/// <summary>
/// Charts of the analytics page, drawn by ScottPlot on the server as SVG (text stays text, so it is sharp at any
/// size and readable by a screen reader's find). Colours and type sizes follow the pages' palette and contrast.
/// </summary>
public static class AnalyticsCharts
{
    public const int Width = 560;

    private static readonly Color Brand = Color.FromHex("#0B4F8A");
    private static readonly Color Accent = Color.FromHex("#C25E00");
    private static readonly Color Ink = Color.FromHex("#1A1A1A");
    private static readonly Color Grid = Color.FromHex("#D0D4D9");

    /// <summary>One bar per label, longest labels on the left axis; values are drawn at the end of each bar.</summary>
    public static string HorizontalBars(IReadOnlyList<(string Label, double Value)> rows, string valueAxis, Func<double, string> format)
    {
        var plot = NewPlot();
        var bars = rows.Select((r, i) => new Bar
        {
            Position = rows.Count - 1 - i,
            Value = r.Value,
            FillColor = Brand,
            LineWidth = 0,
            Label = format(r.Value),
            Orientation = Orientation.Horizontal,
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontSize = 14;
        series.ValueLabelStyle.ForeColor = Ink;
        plot.Axes.Left.SetTicks(bars.Select(b => b.Position).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = valueAxis;
        plot.Axes.Margins(bottom: 0.04, top: 0.04);
        FromZero(plot, rows.Max(r => r.Value));
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        return Svg(plot, 90 + (rows.Count * 34));
    }

    /// <summary>A line over labelled points in order (weeks), with each value marked.</summary>
    public static string Line(IReadOnlyList<(string Label, double Value)> points, string valueAxis)
    {
        var plot = NewPlot();
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, points.Select(p => p.Value).ToArray(), Brand);
        line.LineWidth = 3;
        line.MarkerSize = 9;
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        var shown = Enumerable.Range(0, points.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(shown.Select(i => (double)i).ToArray(), shown.Select(i => points[i].Label).ToArray());
        plot.Axes.Left.Label.Text = valueAxis;
        plot.Axes.Margins(left: 0.05, right: 0.05);
        // Rates are read against zero, not against the lowest week.
        plot.Axes.SetLimitsY(0, Math.Max(1, points.Max(p => p.Value)) * 1.15);
        return Svg(plot, 320);
    }

    /// <summary>Two bars per group (say the median and the 90th percentile of each stage), with a legend.</summary>
    public static string PairedBars(IReadOnlyList<(string Label, double First, double Second)> groups, string first, string second, string valueAxis)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        for (var i = 0; i < groups.Count; i++)
        {
            var position = groups.Count - 1 - i;
            bars.Add(new Bar { Position = position + 0.2, Value = groups[i].First, FillColor = Brand, LineWidth = 0, Size = 0.38, Orientation = Orientation.Horizontal, Label = Hours(groups[i].First) });
            bars.Add(new Bar { Position = position - 0.2, Value = groups[i].Second, FillColor = Accent, LineWidth = 0, Size = 0.38, Orientation = Orientation.Horizontal, Label = Hours(groups[i].Second) });
        }

        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontSize = 13;
        series.ValueLabelStyle.ForeColor = Ink;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, groups.Count).Select(i => (double)(groups.Count - 1 - i)).ToArray(), groups.Select(g => g.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = valueAxis;
        plot.Axes.Margins(bottom: 0.04, top: 0.04);
        FromZero(plot, groups.Max(g => Math.Max(g.First, g.Second)));
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Legend.FontSize = 14;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = first, FillColor = Brand });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = second, FillColor = Accent });
        plot.ShowLegend(Edge.Bottom);
        return Svg(plot, 140 + (groups.Count * 60));
    }

    /// <summary>A rate already in percent, as <c>12.5 %</c>.</summary>
    public static string Percent(double percent) => percent.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Count(double units) => units.ToString("0", CultureInfo.InvariantCulture);

    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture) + " h";

    /// <summary>Bars grow from zero, with room after the longest for its value, even when every value is zero.</summary>
    private static void FromZero(Plot plot, double max) => plot.Axes.SetLimitsX(0, (max > 0 ? max : 1) * 1.22);

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Axes.Color(Ink);
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 15;
        plot.Axes.Bottom.Label.FontSize = 15;
        plot.Grid.MajorLineColor = Grid;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        return plot;
    }

    /// <summary>The SVG element alone (no XML declaration), to embed as an image.</summary>
    private static string Svg(Plot plot, int height)
    {
        var svg = plot.GetSvgXml(Width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
