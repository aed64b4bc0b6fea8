using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Templates;

/// <summary>
/// Customer email templates, one embedded JSON file per language (<c>Templates/{language}.json</c>), rendered to
/// a subject, plain text and HTML. A locale such as <c>fr-FR</c> picks <c>fr</c>; an unknown language, or a
/// template a language lacks, falls back to English. Every email states its order or RMA number.
/// </summary>
internal static class EmailTemplates
{
    public const string DefaultLanguage = "en";

    private static readonly Dictionary<string, LanguagePack> Languages = Load();

    // Letters of every script stay readable in the HTML source; only markup characters are escaped.
    private static readonly HtmlEncoder HtmlText = HtmlEncoder.Create(UnicodeRanges.All);

    public static IReadOnlyCollection<string> SupportedLanguages => Languages.Keys;

    /// <summary>The supported language closest to a customer's locale.</summary>
    public static string LanguageFor(string? locale)
    {
        var language = (locale ?? string.Empty).Split('-', '_')[0].Trim().ToLowerInvariant();
        return Languages.ContainsKey(language) ? language : DefaultLanguage;
    }

    public static RenderedEmail Render(string template, string language, EmailModel model)
    {
        var pack = Languages[language];
        var english = Languages[DefaultLanguage];
        var text = pack.Templates.GetValueOrDefault(template)
            ?? english.Templates.GetValueOrDefault(template)
            ?? throw new InvalidOperationException($"There is no email template named {template}.");
        var culture = CultureInfo.GetCultureInfo(language);
        var number = model.Reference.Number;
        var facts = ReferenceFacts(model.Reference).Concat(model.Facts)
            .Select(f => (Label: pack.Labels.GetValueOrDefault(f.Label) ?? english.Labels[f.Label], Value: Format(f.Value, culture)))
            .ToList();
        var greeting = pack.Greeting.Replace("{name}", model.RecipientName, StringComparison.Ordinal);
        var intro = text.Intro.Replace("{number}", number, StringComparison.Ordinal);
        var itemsLabel = pack.Labels.GetValueOrDefault("items") ?? english.Labels["items"];

        return new RenderedEmail(
            text.Subject.Replace("{number}", number, StringComparison.Ordinal),
            PlainText(greeting, intro, facts, itemsLabel, model.Items, pack.Closing),
            Html(language, greeting, intro, facts, itemsLabel, model.Items, pack.Closing));
    }

    private static IEnumerable<(string Label, object Value)> ReferenceFacts(MessageReference reference)
    {
        if (reference.RmaNumber is not null)
        {
            yield return ("rmaNumber", reference.RmaNumber);
        }

        if (reference.OrderNumber is not null)
        {
            yield return ("orderNumber", reference.OrderNumber);
        }
    }

    private static string Format(object value, CultureInfo culture) => value switch
    {
        DateTime date => date.ToString("D", culture),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string PlainText(string greeting, string intro, List<(string Label, string Value)> facts, string itemsLabel, IReadOnlyList<(string Sku, int Quantity)> items, string closing)
    {
        var text = new StringBuilder().Append(greeting).Append("\n\n").Append(intro).Append("\n\n");
        foreach (var (label, value) in facts)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        if (items.Count > 0)
        {
            text.Append('\n').Append(itemsLabel).Append(":\n");
            foreach (var (sku, quantity) in items)
            {
                text.Append("- ").Append(sku).Append(" × ").Append(quantity.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.Append('\n').Append(closing).Append('\n').ToString();
    }

    private static string Html(string language, string greeting, string intro, List<(string Label, string Value)> facts, string itemsLabel, IReadOnlyList<(string Sku, int Quantity)> items, string closing)
    {
        static string E(string value) => HtmlText.Encode(value);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head><meta charset=\"utf-8\"></head>\n<body>\n")
            .Append("<p>").Append(E(greeting)).Append("</p>\n<p>").Append(E(intro)).Append("</p>\n<table>\n");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><th align=\"left\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (items.Count > 0)
        {
            html.Append("<p>").Append(E(itemsLabel)).Append("</p>\n<ul>\n");
            foreach (var (sku, quantity) in items)
            {
                html.Append("<li>").Append(E(sku)).Append(" × ").Append(quantity.ToString(CultureInfo.InvariantCulture)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append("<p>").Append(E(closing).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n</body>\n</html>\n").ToString();
    }

    private static Dictionary<string, LanguagePack> Load()
    {
        var assembly = typeof(EmailTemplates).Assembly;
        const string prefix = "OrderHub.Notifications.Templates.";
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var languages = new Dictionary<string, LanguagePack>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            languages[name[prefix.Length..^".json".Length]] = JsonSerializer.Deserialize<LanguagePack>(stream, options)
                ?? throw new InvalidOperationException($"Email templates {name} are empty.");
        }

        return languages;
    }

    private sealed record LanguagePack(string Greeting, string Closing, Dictionary<string, string> Labels, Dictionary<string, TemplateText> Templates);

    private sealed record TemplateText(string Subject, string Intro);
}
