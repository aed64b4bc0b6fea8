using System.Globalization;

namespace OrderHub.Analytics;

/// <summary>The dimensions returns are broken down by, and how a fact's value becomes a dimension key.</summary>
internal static class Dimensions
{
    public const string Sku = "sku";
    public const string Category = "category";
    public const string Reason = "reason";
    public const string Segment = "segment";
    public const string Storefront = "storefront";
    public const string Week = "week";

    /// <summary>The key of a fact that carries no value: an order without storefront or segment, a SKU the catalogue does not know.</summary>
    public const string None = "(none)";

    private const int MaxKeyLength = 64;

    public static readonly IReadOnlyList<string> All = [Sku, Category, Reason, Segment, Storefront, Week];

    public static string KeyOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= MaxKeyLength ? trimmed : trimmed[..MaxKeyLength];
    }

    /// <summary>The ISO 8601 week of a day, as <c>2026-W48</c>: weeks start on Monday and belong to the year of their Thursday.</summary>
    public static string WeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }
}
