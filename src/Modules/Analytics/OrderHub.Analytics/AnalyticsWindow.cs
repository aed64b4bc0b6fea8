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

    /// <summary>The first day of the calendar month of <paramref name="day"/>: the key of month counter rows.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The window split for the counters: the whole calendar months inside it, read from month rows, and the days
    /// before and after them, read from day rows. A window without a whole month is all days. Empty ranges have
    /// their start after their end, so a query can filter on every range unconditionally.
    /// </summary>
    public WindowRollup Rollup()
    {
        DateOnly none = DateOnly.MaxValue, never = DateOnly.MinValue;
        var lastMonthOpen = From.Year == DateOnly.MaxValue.Year && From.Month == 12;
        DateOnly? firstMonth = From.Day == 1 ? From : lastMonthOpen ? null : MonthOf(From).AddMonths(1);
        var toIsMonthEnd = To.Day == DateTime.DaysInMonth(To.Year, To.Month);
        DateOnly? lastMonth = toIsMonthEnd ? MonthOf(To) : To.Year == DateOnly.MinValue.Year && To.Month == 1 ? null : MonthOf(To).AddMonths(-1);
        if (firstMonth is not { } first || lastMonth is not { } last || first > last)
        {
            return new WindowRollup(From, To, none, never, none, never);
        }

        var tail = last.Year == DateOnly.MaxValue.Year && last.Month == 12 ? (From: none, To: never) : (From: last.AddMonths(1), To);
        return new WindowRollup(From, first == From ? never : first.AddDays(-1), first, last, tail.From, tail.To);
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

/// <summary>
/// A window as counter ranges: day rows from <paramref name="HeadFrom"/> to <paramref name="HeadTo"/> and from
/// <paramref name="TailFrom"/> to <paramref name="TailTo"/>, month rows (by first day) from
/// <paramref name="MonthFrom"/> to <paramref name="MonthTo"/>; all inclusive, disjoint, together exactly the window.
/// </summary>
internal sealed record WindowRollup(DateOnly HeadFrom, DateOnly HeadTo, DateOnly MonthFrom, DateOnly MonthTo, DateOnly TailFrom, DateOnly TailTo);
