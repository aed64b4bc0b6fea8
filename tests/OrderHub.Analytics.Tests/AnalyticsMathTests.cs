namespace OrderHub.Analytics.Tests;

public sealed class AnalyticsMathTests
{
    [Theory]
    [InlineData(50, 35.0)]
    [InlineData(30, 20.0)]
    [InlineData(90, 50.0)]
    [InlineData(20, 15.0)]
    [InlineData(100, 50.0)]
    [InlineData(1, 15.0)]
    public void Percentiles_take_the_nearest_rank_without_interpolating(int percentile, double expected)
    {
        // The textbook example: ranks ceil(p/100 × 5) of 15, 20, 35, 40, 50.
        Percentiles.NearestRank([15, 20, 35, 40, 50], percentile).ShouldBe(expected);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_lower_middle_value()
    {
        Percentiles.NearestRank([2, 10], 50).ShouldBe(2);
        Percentiles.NearestRank([2, 10], 90).ShouldBe(10);
        Percentiles.NearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90).ShouldBe(9);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-W01")]
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2024-12-30", "2025-W01")]
    [InlineData("2026-11-29", "2026-W48")]
    [InlineData("2026-11-30", "2026-W49")]
    public void Weeks_are_ISO_8601_weeks_that_start_on_Monday_and_belong_to_the_year_of_their_Thursday(string day, string week)
    {
        Dimensions.WeekOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(week);
    }

    [Fact]
    public void A_return_rate_is_rounded_to_four_places_and_absent_without_sales()
    {
        ReturnRates.Of(1, 3).ShouldBe(0.3333m);
        ReturnRates.Of(2, 3).ShouldBe(0.6667m);
        ReturnRates.Of(4, 10).ShouldBe(0.4m);
        ReturnRates.Of(1, 0).ShouldBeNull();
    }

    [Fact]
    public void Missing_dimension_values_are_none()
    {
        Dimensions.KeyOf(null).ShouldBe("(none)");
        Dimensions.KeyOf("  ").ShouldBe("(none)");
        Dimensions.KeyOf(" loyal ").ShouldBe("loyal");
    }
}
