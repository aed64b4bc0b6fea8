using System.Globalization;

namespace OrderHub.AnalyticsSeeder;

/// <summary>Command-line settings: where to load, how much history, and where to write the figures to check the routes against.</summary>
internal sealed class SeedOptions
{
    public string Database { get; private set; } = "";

    public int OrderLines { get; private set; } = 1_000_000;

    public int Returns { get; private set; } = 150_000;

    public int Days { get; private set; } = 365;

    public int Skus { get; private set; } = 3_000;

    public int Customers { get; private set; } = 50_000;

    public int RandomSeed { get; private set; } = 20261210;

    public string? Expected { get; private set; }

    public static SeedOptions Parse(string[] args)
    {
        var options = new SeedOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--db": options.Database = value; break;
                case "--order-lines": options.OrderLines = Positive(value); break;
                case "--returns": options.Returns = Positive(value); break;
                case "--days": options.Days = Positive(value); break;
                case "--skus": options.Skus = Positive(value); break;
                case "--customers": options.Customers = Positive(value); break;
                case "--random-seed": options.RandomSeed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--expected": options.Expected = value; break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        if (options.Database.Length == 0)
        {
            throw new ArgumentException("--db is required.");
        }

        return options;
    }

    private static int Positive(string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"{value} is not a positive number.");
    }
}
