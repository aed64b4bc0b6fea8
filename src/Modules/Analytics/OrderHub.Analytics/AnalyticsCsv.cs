using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using OrderHub.Analytics.Contracts;

namespace OrderHub.Analytics;

/// <summary>The CSV form of the analytics routes: the same rows as the JSON answer, as RFC 4180 with a header record.</summary>
internal static class AnalyticsCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    /// <summary>Whether the caller asked for <c>text/csv</c>.</summary>
    public static bool Wanted(HttpRequest request)
    {
        RequestHeaders headers = request.GetTypedHeaders();
        return headers.Accept.Any(a => a.MediaType.Equals(AnalyticsContracts.CsvMediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }

    public static IResult Write(string[] header, IEnumerable<string[]> records)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var record in records)
            {
                csv.WriteRecord(record);
            }

            csv.Flush();
        }

        return TypedResults.Text(text.ToString(), AnalyticsContracts.CsvMediaType, Encoding.UTF8);
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
