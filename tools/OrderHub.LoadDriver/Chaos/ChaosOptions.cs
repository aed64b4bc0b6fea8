using System.Globalization;

namespace OrderHub.LoadDriver.Chaos;

/// <summary>The <c>--name value</c> settings of one chaos phase; build/chaos.sh passes them.</summary>
internal sealed class ChaosOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Uri BaseUrl => new(Text("base-url"));

    public string ApiKey => Text("api-key");

    public string Database => Text("db");

    public string Output => Text("out");

    public bool Quick => values.ContainsKey("quick");

    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ChaosOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument {args[i]}.");
            }

            var name = args[i][2..];
            var flag = i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options.values[name] = flag ? "true" : args[++i];
        }

        return options;
    }

    public string Text(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback);

    public string? Optional(string name) => values.GetValueOrDefault(name);
}
