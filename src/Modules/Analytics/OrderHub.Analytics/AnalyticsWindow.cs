using System.Globalization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Analytics;

/// <summary>
/// The days (UTC, both ends included) and the storefront an analytics route looks at. A storefront key always
/// looks at its own storefront, whatever it asks for.
/// </summary>
internal sealed record AnalyticsWindow(DateOnly From, DateOnly To, string? Storefront)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public static AnalyticsWindow Resolve(string? from, string? to, string? storefront, ICurrentActor actor, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var toDay = Parse("to", to, errors) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var fromDay = Parse("from", from, errors) ?? toDay.AddDays(1 - DefaultDays);
        if (errors.Count == 0 && fromDay > toDay)
        {
            errors["from"] = ["from must not be after to."];
        }
        else if (errors.Count == 0 && toDay.DayNumber - fromDay.DayNumber + 1 > MaxDays)
        {
            errors["from"] = [$"The window spans at most {MaxDays} days."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var scope = actor.IsInRole(Roles.Storefront)
            ? actor.Storefront ?? string.Empty
            : string.IsNullOrWhiteSpace(storefront) ? null : Dimensions.KeyOf(storefront);
        return new AnalyticsWindow(fromDay, toDay, scope);
    }

    private static DateOnly? Parse(string field, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"{field} must be a date such as 2026-12-01."];
        return null;
    }
}
