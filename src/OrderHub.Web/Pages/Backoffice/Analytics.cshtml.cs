using System.Text;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Analytics.Contracts;
using OrderHub.Web.Backoffice;

namespace OrderHub.Web.Pages.Backoffice;

/// <summary>Return analytics as server-drawn charts, each with its figures in a table for those who cannot see it.</summary>
public sealed class AnalyticsModel(IMediator mediator) : BackofficePageModel(mediator)
{
    private static readonly string[] Breakdowns = ["reason", "category", "week"];

    private static readonly Dictionary<string, string> StageNames = new(StringComparer.Ordinal)
    {
        ["requestedToApproved"] = "requested → approved",
        ["approvedToReceived"] = "approved → received",
        ["receivedToCompleted"] = "received → completed",
        ["requestedToCompleted"] = "requested → completed",
    };

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Storefront { get; set; }

    public ReturnsAnalyticsDto? Figures { get; private set; }

    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public string? Invalid { get; private set; }

    public async Task OnGetAsync()
    {
        var outcome = await TrySendAsync(new GetReturnsAnalyticsQuery(Blank(From), Blank(To), Blank(Storefront), Breakdowns));
        if (!outcome.Succeeded)
        {
            Invalid = Refused;
            Refused = null;
            return;
        }

        Figures = outcome.Value!;
        Charts = [.. Draw(Figures)];
    }

    public static string Label(string stage) => StageNames.GetValueOrDefault(stage, stage);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IEnumerable<Chart> Draw(ReturnsAnalyticsDto figures)
    {
        yield return Rates("reason", "Return rate by reason", figures.ByDimension["reason"].OrderByDescending(r => r.ReturnRate));
        yield return Rates("category", "Return rate by category", figures.ByDimension["category"].OrderByDescending(r => r.ReturnRate));

        var weeks = figures.ByDimension["week"].Where(r => r.ReturnRate is not null).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (r.Key, (double)r.ReturnRate!.Value * 100)).ToList();
        yield return new Chart("week", "Return rate by week", weeks.Count == 0 ? null : AnalyticsCharts.Line(weeks, "Return rate (%)"),
            [.. weeks.Select(w => (w.Key, AnalyticsCharts.Percent(w.Item2)))]);

        var dispositions = figures.Summary.ByDisposition.OrderByDescending(d => d.Value).Select(d => (d.Key, (double)d.Value)).ToList();
        yield return new Chart("disposition", "Disposition mix (units inspected)",
            dispositions.All(d => d.Item2 == 0) ? null : AnalyticsCharts.HorizontalBars(dispositions, "Units", AnalyticsCharts.Count),
            [.. dispositions.Select(d => (d.Key, AnalyticsCharts.Count(d.Item2)))]);

        var stages = figures.ProcessingTimes.Where(s => s.Count > 0)
            .Select(s => (Label(s.Stage), (double)(s.P50Hours ?? 0), (double)(s.P90Hours ?? 0))).ToList();
        yield return new Chart("stages", "Time per stage (hours)",
            stages.Count == 0 ? null : AnalyticsCharts.PairedBars(stages, "median", "90th percentile", "Hours"),
            [.. stages.Select(s => (s.Item1, $"median {AnalyticsCharts.Hours(s.Item2)}, 90th percentile {AnalyticsCharts.Hours(s.Item3)}"))]);
    }

    private static Chart Rates(string id, string title, IEnumerable<ReturnsByDimensionRowDto> rows)
    {
        var rated = rows.Where(r => r.ReturnRate is not null).Select(r => (r.Key, (double)r.ReturnRate!.Value * 100)).ToList();
        return new Chart(id, title, rated.Count == 0 ? null : AnalyticsCharts.HorizontalBars(rated, "Return rate (%)", AnalyticsCharts.Percent),
            [.. rated.Select(r => (r.Key, AnalyticsCharts.Percent(r.Item2)))]);
    }

    /// <summary>A drawn chart (null when the window has nothing to draw) and the figures it shows, as text.</summary>
    public sealed record Chart(string Id, string Title, string? Svg, IReadOnlyList<(string Label, string Value)> Rows)
    {
        public string DataUri => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg ?? string.Empty));

        public string AltText => $"{Title}: " + string.Join("; ", Rows.Select(r => $"{r.Label} {r.Value}"));
    }
}
