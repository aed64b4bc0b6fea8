namespace OrderHub.Analytics.Tests;

public sealed class WindowRollupTests
{
    [Theory]
    [InlineData("2026-01-15", "2026-03-10", "2026-01-15..2026-01-31", "2026-02-01..2026-02-01", "2026-03-01..2026-03-10")]
    [InlineData("2026-01-01", "2026-03-31", "", "2026-01-01..2026-03-01", "")]
    [InlineData("2026-01-01", "2026-03-30", "", "2026-01-01..2026-02-01", "2026-03-01..2026-03-30")]
    [InlineData("2026-01-02", "2026-03-31", "2026-01-02..2026-01-31", "2026-02-01..2026-03-01", "")]
    [InlineData("2026-01-10", "2026-02-20", "2026-01-10..2026-02-20", "", "")]
    [InlineData("2026-02-01", "2026-02-28", "", "2026-02-01..2026-02-01", "")]
    [InlineData("2024-02-01", "2024-02-28", "2024-02-01..2024-02-28", "", "")]
    [InlineData("2026-05-31", "2026-05-31", "2026-05-31..2026-05-31", "", "")]
    [InlineData("2025-12-01", "2026-11-30", "", "2025-12-01..2026-11-01", "")]
    public void A_window_splits_into_its_whole_months_and_the_days_at_its_edges(string from, string to, string head, string months, string tail)
    {
        var rollup = new AnalyticsWindow(DateOnly.Parse(from), DateOnly.Parse(to), null).Rollup();

        Range(rollup.HeadFrom, rollup.HeadTo).ShouldBe(head);
        Range(rollup.MonthFrom, rollup.MonthTo).ShouldBe(months);
        Range(rollup.TailFrom, rollup.TailTo).ShouldBe(tail);
    }

    [Fact]
    public void The_parts_cover_every_day_of_any_window_exactly_once()
    {
        var start = new DateOnly(2023, 12, 1);
        for (var offset = 0; offset < 430; offset += 3)
        {
            foreach (var length in new[] { 1, 2, 27, 28, 29, 30, 31, 32, 59, 60, 61, 90, 365, 366 })
            {
                var from = start.AddDays(offset);
                var to = from.AddDays(length - 1);
                var rollup = new AnalyticsWindow(from, to, null).Rollup();
                var covered = new List<DateOnly>();
                for (var d = rollup.HeadFrom; d <= rollup.HeadTo; d = d.AddDays(1))
                {
                    covered.Add(d);
                }

                for (var m = rollup.MonthFrom; m <= rollup.MonthTo; m = m.AddMonths(1))
                {
                    m.Day.ShouldBe(1);
                    for (var d = m; d < m.AddMonths(1); d = d.AddDays(1))
                    {
                        covered.Add(d);
                    }
                }

                for (var d = rollup.TailFrom; d <= rollup.TailTo; d = d.AddDays(1))
                {
                    covered.Add(d);
                }

                covered.ShouldBe(Enumerable.Range(0, length).Select(i => from.AddDays(i)).ToList(), $"{from}..{to}");
            }
        }
    }

    [Fact]
    public void Windows_at_the_ends_of_the_calendar_do_not_overflow()
    {
        new AnalyticsWindow(new DateOnly(9999, 12, 2), DateOnly.MaxValue, null).Rollup().MonthFrom.ShouldBe(DateOnly.MaxValue);
        new AnalyticsWindow(new DateOnly(9999, 12, 1), DateOnly.MaxValue, null).Rollup().MonthTo.ShouldBe(new DateOnly(9999, 12, 1));
        new AnalyticsWindow(DateOnly.MinValue, new DateOnly(1, 1, 20), null).Rollup().HeadTo.ShouldBe(new DateOnly(1, 1, 20));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    [InlineData(-1, -1)]
    [InlineData(-100, -1)]
    [InlineData(-101, -2)]
    public void Durations_fall_in_the_hour_that_rounds_them_down(long centihours, long hour) =>
        StageTimes.HourOf(centihours).ShouldBe(hour);

    [Fact]
    public void Durations_are_counted_in_hundredths_rounded_as_the_route_rounds_them()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        StageTimes.Centihours(start, start.AddSeconds(18)).ShouldBe(1); // 0.005 h rounds away from zero
        StageTimes.Centihours(start, start.AddSeconds(17)).ShouldBe(0);
        StageTimes.Centihours(start, start.AddHours(10.01)).ShouldBe(1001);
        StageTimes.Centihours(start.AddSeconds(18), start).ShouldBe(-1);
    }

    private static string Range(DateOnly from, DateOnly to) => from > to ? string.Empty : $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}";
}
