using System.Globalization;

namespace OrderHub.Returns.Labels;

/// <summary>How dates appear on every label format.</summary>
internal static class LabelDates
{
    // ISO 8601 reads the same to a customer in Warsaw and a dock worker in Ohio.
    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
