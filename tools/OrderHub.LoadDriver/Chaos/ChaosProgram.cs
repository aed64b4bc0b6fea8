namespace OrderHub.LoadDriver.Chaos;

/// <summary>
/// <c>OrderHub.LoadDriver chaos PHASE --name value…</c>: one phase of build/chaos.sh. The script starts and
/// breaks the app and the database; this drives the load, checks the promises and writes the phase's verdict
/// as JSON. Exit code 0 when the phase passed, 1 when it failed, 2 on bad arguments.
/// </summary>
internal static class ChaosProgram
{
    public const string Usage = "usage: OrderHub.LoadDriver chaos seed|app-kill|db-restart|burst|fuzz --base-url URL --api-key KEY --db CONNECTION-STRING "
        + "--out FILE [--skus N] [--clients N] [--duration S] [--retry-for S] [--request-timeout S] [--signal-dir DIR] [--requests N] [--quick]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ChaosOptions options;
        try
        {
            options = ChaosOptions.Parse(args.Skip(1).ToList());
            _ = options.BaseUrl;
            _ = options.ApiKey;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var phase = args.Count > 0 ? args[0] : "";
        if (phase == "seed")
        {
            using var api = new Api(options.BaseUrl, options.ApiKey, connections: 16);
            var seed = await Seeder.SeedAsync(api, options.Int("skus", 30), ordersPerClient: []);
            Console.WriteLine($"  seeded {seed.IntakeSkus.Count} SKUs with {Seeder.IntakeStock:N0} units each in {seed.Seconds} s");
            return 0;
        }

        PhaseReport report;
        switch (phase)
        {
            case "app-kill" or "db-restart":
                report = await IntakeUnderFault.RunAsync(options, phase);
                break;
            case "burst":
                report = await Burst.RunAsync(options);
                break;
            case "fuzz":
                report = await Fuzzer.RunAsync(options);
                break;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }

        report.Print();
        await report.WriteAsync(options.Output);
        return report.Passed ? 0 : 1;
    }
}
