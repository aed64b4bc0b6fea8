using System.Globalization;
using System.Net;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Analytics;

/// <summary>
/// Long windows read whole calendar months from month rows and only the part-months at their edges from day rows.
/// A history on both sides of two month boundaries, in a storefront of its own: every window, whether it starts or
/// ends mid-month or on a boundary, must answer what adding up its single days answers.
/// </summary>
public sealed class ReturnsAnalyticsMonthEdgeTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private const string Analytics = "/api/v1/analytics/returns";
    private const string Storefront = "edges";

    /// <summary>Per active day: the customer, the quantities of RIM and HEM delivered, the returned line, and the hours to approval and to receipt.</summary>
    private sealed record Day(DateOnly Date, string Email, int Rim, int Hem, string ReturnedSku, int ReturnedQuantity, string Reason, double ToApproval, double ToReceipt);

    [Fact]
    public async Task Windows_starting_or_ending_mid_month_answer_what_summing_their_days_answers()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        await scenario.SkuAsync("RIM", 500, "edge-wheels");
        await scenario.SkuAsync("HEM", 500, "edge-cloth");
        var now = App.Clock.UtcNow;
        var month = new DateOnly(now.Year, now.Month, 1).AddMonths(3);
        // Most receipts take four-and-something hours: the percentiles fall inside one hour of the coarse histogram and
        // must be told apart by the hundredths.
        var days = new[]
        {
            new Day(month.AddDays(-1), "c1@example.com", 3, 1, "RIM", 1, "TooSmall", 1.25, 4.5),
            new Day(month, "c2@example.com", 2, 2, "HEM", 2, "Damaged", 2.5, 4.25),
            new Day(month.AddDays(14), "c1@example.com", 5, 0, "RIM", 2, "TooLarge", 3.75, 10.01),
            new Day(month.AddMonths(1).AddDays(-1), "c2@example.com", 1, 4, "HEM", 1, "TooSmall", 0.5, 4.33),
            new Day(month.AddMonths(1), "c3@example.com", 4, 1, "RIM", 3, "Damaged", 6.2, 1.1),
            new Day(month.AddMonths(1).AddDays(20), "c1@example.com", 2, 2, "HEM", 1, "TooLarge", 5.05, 4.05),
        };

        foreach (var day in days)
        {
            App.Clock.MoveTo(day.Date.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc));
            var order = await scenario.DeliveredOrderAsync(day.Email, "edge", new[] { ("RIM", day.Rim), ("HEM", day.Hem) }.Where(l => l.Item2 > 0).ToArray(), storefront: Storefront);
            var rma = await scenario.ReturnAsync(order, "Refund", [(day.ReturnedSku, day.ReturnedQuantity, day.Reason)]);
            App.Clock.Advance(TimeSpan.FromHours(day.ToApproval));
            await scenario.ApproveAsync(rma);
            App.Clock.Advance(TimeSpan.FromHours(day.ToReceipt));
            await scenario.ReceiveAsync(rma);
            await scenario.InspectAsync(rma, "New", "Restock");
        }

        var all = Window(days[0].Date, days[^1].Date);
        await Eventually.HoldsAsync(async () =>
        {
            var summary = await GetAsync(scenario.Staff, $"{Analytics}/summary?{all}");
            return summary.GetProperty("unitsReturned").GetInt32() == days.Sum(d => d.ReturnedQuantity)
                && summary.GetProperty("byDisposition").GetProperty("Restock").GetInt32() == days.Sum(d => d.ReturnedQuantity);
        }, "analytics applies every event of the history");

        var singleDays = new Dictionary<DateOnly, Answers>();
        foreach (var day in days)
        {
            singleDays[day.Date] = await AnswersAsync(scenario.Staff, Window(day.Date, day.Date));
        }

        var next = month.AddMonths(1);
        (DateOnly From, DateOnly To)[] windows =
        [
            (days[0].Date, days[^1].Date), // a part-month, a whole month, a part-month
            (month.AddDays(7), next.AddDays(25)), // mid-month to mid-month, one boundary, no whole month
            (month, next.AddDays(-1)), // exactly one month
            (month.AddDays(-1), next.AddDays(-1)), // a day, then a whole month
            (month, next), // a whole month, then a day
            (month.AddDays(-20), next.AddMonths(1).AddDays(-1)), // a part-month and two whole months
            (month.AddDays(1), next.AddDays(-2)), // inside one month, touching neither boundary
        ];
        foreach (var (from, to) in windows)
        {
            var inWindow = days.Where(d => d.Date >= from && d.Date <= to).ToList();
            var expected = Answers.Sum(inWindow.Select(d => singleDays[d.Date]));
            var actual = await AnswersAsync(scenario.Staff, Window(from, to));
            actual.Sku.ShouldBe(expected.Sku, $"by sku {from}..{to}");
            actual.Category.ShouldBe(expected.Category, $"by category {from}..{to}");
            // Every reason row sells the window's units; what the reasons add up to is what they returned.
            var unitsSold = inWindow.Sum(d => d.Rim + d.Hem);
            actual.Reason.ShouldAllBe(r => r.Split(' ', StringSplitOptions.None)[1].StartsWith($"{unitsSold}/", StringComparison.Ordinal));
            WithoutSold(actual.Reason).ShouldBe(WithoutSold(expected.Reason), $"by reason {from}..{to}");
            actual.Customers.ShouldBe(expected.Customers, $"customers {from}..{to}");

            // Percentiles do not add up: they must be those of the window's own durations, to the hundredth.
            actual.Stages.ShouldBe(ExpectedStages(inWindow), $"processing times {from}..{to}");
        }

    }

    private static List<string> WithoutSold(List<string> rows) =>
        rows.Select(r => r.Split(' ')).Select(p => $"{p[0]} {p[1].Split('/')[1]} {p[2]}").Order(StringComparer.Ordinal).ToList();

    private static string Window(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&storefront={Storefront}");

    private static List<string> ExpectedStages(IReadOnlyList<Day> days)
    {
        string Stage(string name, IEnumerable<double> hours)
        {
            var sorted = hours.Select(h => decimal.Round((decimal)h, 2, MidpointRounding.AwayFromZero)).Order().ToList();
            if (sorted.Count == 0)
            {
                return $"{name} 0 -/-/-";
            }

            decimal Rank(int p) => sorted[(int)Math.Ceiling(p * sorted.Count / 100m) - 1];
            return string.Create(CultureInfo.InvariantCulture, $"{name} {sorted.Count} {Rank(50):0.00}/{Rank(90):0.00}/{sorted[^1]:0.00}");
        }

        return
        [
            Stage("requestedToApproved", days.Select(d => d.ToApproval)),
            Stage("approvedToReceived", days.Select(d => d.ToReceipt)),
            Stage("receivedToCompleted", days.Select(_ => 0.0)),
            Stage("requestedToCompleted", days.Select(d => d.ToApproval + d.ToReceipt)),
        ];
    }

    private static async Task<Answers> AnswersAsync(HttpClient client, string window)
    {
        async Task<Dictionary<string, (long Sold, long Returned, Dictionary<string, long> Reasons)>> ByAsync(string dimension)
        {
            var page = await GetAsync(client, $"{Analytics}/by?dimension={dimension}&pageSize=100&{window}");
            return page.GetProperty("items").EnumerateArray().ToDictionary(
                r => r.GetProperty("key").GetString()!,
                r => ((long)r.GetProperty("unitsSold").GetInt32(), (long)r.GetProperty("unitsReturned").GetInt32(),
                    r.GetProperty("topReasons").EnumerateArray().ToDictionary(t => t.GetProperty("reason").GetString()!, t => (long)t.GetProperty("units").GetInt32())));
        }

        var customers = await GetAsync(client, $"{Analytics}/customers?pageSize=100&{window}");
        customers.GetProperty("totalCount").GetInt32().ShouldBe(customers.GetProperty("items").GetArrayLength());
        var stages = (await GetAsync(client, $"{Analytics}/processing-times?{window}")).EnumerateArray()
            .Select(s => s.GetProperty("count").GetInt32() == 0
                ? $"{s.GetProperty("stage").GetString()} 0 -/-/-"
                : string.Create(CultureInfo.InvariantCulture, $"{s.GetProperty("stage").GetString()} {s.GetProperty("count").GetInt32()} {s.GetProperty("p50Hours").GetDecimal():0.00}/{s.GetProperty("p90Hours").GetDecimal():0.00}/{s.GetProperty("maxHours").GetDecimal():0.00}"))
            .ToList();
        return new Answers(
            Render(await ByAsync("sku")),
            Render(await ByAsync("category")),
            Render(await ByAsync("reason")),
            customers.GetProperty("items").EnumerateArray()
                .Select(c => $"{c.GetProperty("customerEmail").GetString()} {c.GetProperty("ordersDelivered").GetInt32()} {c.GetProperty("unitsSold").GetInt32()} {c.GetProperty("returns").GetInt32()} {c.GetProperty("unitsReturned").GetInt32()}")
                .ToList(),
            stages);
    }

    /// <summary>Rows as text, in the order the route ranks them (rate, returned units, key), with reasons as ranked too.</summary>
    private static List<string> Render(Dictionary<string, (long Sold, long Returned, Dictionary<string, long> Reasons)> rows) =>
        rows.Select(r => (r.Key, r.Value.Sold, r.Value.Returned, r.Value.Reasons, Rate: r.Value.Sold == 0 ? (decimal?)null : decimal.Round((decimal)r.Value.Returned / r.Value.Sold, 4, MidpointRounding.AwayFromZero)))
            .OrderByDescending(r => r.Rate.HasValue).ThenByDescending(r => r.Rate).ThenByDescending(r => r.Returned).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Sold}/{r.Returned} {string.Join(',', r.Reasons.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(3).Select(x => $"{x.Key}:{x.Value}"))}"))
            .ToList();

    private static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        await (await client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>A window's answers, as text that two windows can be compared by.</summary>
    private sealed record Answers(List<string> Sku, List<string> Category, List<string> Reason, List<string> Customers, List<string> Stages)
    {
        /// <summary>What the single days' answers add up to; stages are not additive and stay empty.</summary>
        public static Answers Sum(IEnumerable<Answers> days)
        {
            var list = days.ToList();
            return new Answers(Add(list.Select(d => d.Sku)), Add(list.Select(d => d.Category)), Add(list.Select(d => d.Reason)), AddCustomers(list.Select(d => d.Customers)), []);
        }

        private static List<string> Add(IEnumerable<List<string>> rows)
        {
            var sums = new Dictionary<string, (long Sold, long Returned, Dictionary<string, long> Reasons)>(StringComparer.Ordinal);
            foreach (var row in rows.SelectMany(r => r))
            {
                var parts = row.Split(' ');
                var counts = parts[1].Split('/');
                if (!sums.TryGetValue(parts[0], out var current))
                {
                    current = (0, 0, new Dictionary<string, long>(StringComparer.Ordinal));
                }

                foreach (var reason in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = reason.Split(':');
                    current.Reasons[pair[0]] = current.Reasons.GetValueOrDefault(pair[0]) + long.Parse(pair[1], CultureInfo.InvariantCulture);
                }

                sums[parts[0]] = (current.Sold + long.Parse(counts[0], CultureInfo.InvariantCulture), current.Returned + long.Parse(counts[1], CultureInfo.InvariantCulture), current.Reasons);
            }

            return Render(sums);
        }

        private static List<string> AddCustomers(IEnumerable<List<string>> rows)
        {
            var sums = new Dictionary<string, long[]>(StringComparer.Ordinal);
            foreach (var parts in rows.SelectMany(r => r).Select(r => r.Split(' ')))
            {
                var values = sums.GetValueOrDefault(parts[0]) ?? new long[4];
                for (var i = 0; i < 4; i++)
                {
                    values[i] += long.Parse(parts[i + 1], CultureInfo.InvariantCulture);
                }

                sums[parts[0]] = values;
            }

            return sums
                .Select(s => (Email: s.Key, Values: s.Value, Rate: s.Value[1] == 0 ? -1.0 : (double)s.Value[3] / s.Value[1]))
                .OrderByDescending(s => s.Rate).ThenByDescending(s => s.Values[3]).ThenBy(s => s.Email, StringComparer.Ordinal)
                .Select(s => $"{s.Email} {string.Join(' ', s.Values)}")
                .ToList();
        }
    }
}
