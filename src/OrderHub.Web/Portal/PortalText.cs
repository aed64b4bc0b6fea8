using System.Globalization;
using Microsoft.Extensions.Localization;
using OrderHub.Returns.Contracts;

namespace OrderHub.Web.Portal;

/// <summary>Puts the modules' codes, money and dates into the words and formats of the page's language.</summary>
public static class PortalText
{
    public static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.CurrentCulture, $"{amount:N2} {currency}");

    public static string Date(DateTime date) => date.ToString("D", CultureInfo.CurrentCulture);

    public static string DateTime(DateTime moment) =>
        moment.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    public static string Status(this IStringLocalizer t, ReturnStatus status) => t[$"Status_{status}"];

    public static string Reason(this IStringLocalizer t, ReturnReason reason) => t[$"Reason_{reason}"];

    public static string Resolution(this IStringLocalizer t, ReturnResolution resolution) => t[$"Resolution_{resolution}"];

    /// <summary>A refusal in the page's language; the module's English sentence when its code is new to the pages.</summary>
    public static string Refusal(this IStringLocalizer t, ReturnRefusal refusal)
    {
        var arguments = refusal.Arguments.Select(object (a) =>
            System.DateTime.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : a).ToArray();
        var text = t[$"Refusal_{refusal.Code}", arguments];
        return text.ResourceNotFound ? refusal.Text : text.Value;
    }

    /// <summary>A timeline event in the page's language, or null for events customers need not see.</summary>
    public static string? Event(this IStringLocalizer t, string eventName)
    {
        var text = t[$"Event_{eventName}"];
        return text.ResourceNotFound ? null : text.Value;
    }
}
