using System.Globalization;

namespace OrderHub.LoadDriver;

/// <summary>Command-line settings of one benchmark run.</summary>
internal sealed class DriverOptions
{
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1:5080");

    public string ApiKey { get; private set; } = "";

    /// <summary>The app's process ids (one per node, comma-separated), sampled for RSS and CPU and summed.</summary>
    public IReadOnlyList<int> AppPids { get; private set; } = [];

    /// <summary>The PostgreSQL postmaster's process id; its backends' CPU is reported too.</summary>
    public int? DbPid { get; private set; }

    /// <summary>Kernel clock ticks per second (getconf CLK_TCK), to turn /proc tick counts into seconds.</summary>
    public int ClockTicks { get; private set; } = 100;

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);

    public int RmasPerClient { get; private set; } = 20;

    /// <summary>
    /// Measured RMAs of the one-client return flow: four times a client's share of the 16-client flow, whose 16
    /// clients give it 16 times as many. With 30 a full run's one-client mean and p99 rested on 30 returns, and one
    /// slow request moved the mean of a step by half a millisecond.
    /// </summary>
    public int SingleClientRmas => RmasPerClient * 4;

    /// <summary>
    /// Unrecorded RMAs per return-flow client before the measured ones, so the steps are measured once their
    /// code is compiled at full optimisation, as in a server that has been up for a while.
    /// </summary>
    public int WarmupRmas => Quick ? 1 : 5;

    /// <summary>Intake SKUs: one group per order line (line g draws from group g), <see cref="IntakeSkus"/> / 3 each.</summary>
    public int IntakeSkus { get; private set; } = 30;

    /// <summary>
    /// A shell command that runs the hand-written SQL of an order placement (pgbench) on the app's database after the
    /// seed, right before the intake scenario; its output goes to <see cref="CeilingOutput"/>.
    /// </summary>
    public string? CeilingCommand { get; private set; }

    public string CeilingOutput { get; private set; } = "ceiling.txt";

    public string Output { get; private set; } = "bench-results.json";

    public bool Quick { get; private set; }

    /// <summary>The app's PostgreSQL database, to wait for and report the event backlog after each scenario.</summary>
    public string? Database { get; private set; }

    /// <summary>
    /// A file to which a line is added whenever a scenario's timed window begins, for a script that traces the app
    /// or its database while one runs (<c>build/bench.sh --allocations</c> and <c>--statements</c>).
    /// </summary>
    public string? WindowFile { get; private set; }

    /// <summary>Sequential requests per analytics route after its warm-up; the 8-client mix sends as many per client.</summary>
    public int AnalyticsRequests { get; private set; } = 200;

    /// <summary>The figures tools/OrderHub.AnalyticsSeeder computed from its history, to check the summary route against.</summary>
    public string? AnalyticsExpected { get; private set; }

    /// <summary>The scenarios to run (intake, hot, reads, returns, analytics); all but analytics when empty.</summary>
    public IReadOnlySet<string> Only { get; private set; } = new HashSet<string>();

    // The analytics scenario needs a database seeded by tools/OrderHub.AnalyticsSeeder: only when asked for.
    public bool Runs(string scenario) => Only.Count == 0 ? scenario != "analytics" : Only.Contains(scenario);

    public static DriverOptions Parse(string[] args)
    {
        var options = new DriverOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                options.Quick = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--base-url": options.BaseUrl = new Uri(value); break;
                case "--api-key": options.ApiKey = value; break;
                case "--app-pid": options.AppPids = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Int).ToList(); break;
                case "--db-pid": options.DbPid = Int(value); break;
                case "--clk-tck": options.ClockTicks = Int(value); break;
                case "--duration": options.Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--warmup": options.Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--rmas-per-client": options.RmasPerClient = Int(value); break;
                case "--intake-skus": options.IntakeSkus = Int(value); break;
                case "--out": options.Output = value; break;
                case "--only": options.Only = Scenarios(value); break;
                case "--db": options.Database = value; break;
                case "--window-file": options.WindowFile = value; break;
                case "--analytics-requests": options.AnalyticsRequests = Int(value); break;
                case "--analytics-expected": options.AnalyticsExpected = value; break;
                case "--ceiling-command": options.CeilingCommand = value; break;
                case "--ceiling-out": options.CeilingOutput = value; break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        if (options.ApiKey.Length == 0 || options.AppPids.Count == 0 || options.AppPids.Any(p => p <= 0))
        {
            throw new ArgumentException("--api-key and --app-pid are required.");
        }

        if (options.IntakeSkus < 3 || options.IntakeSkus % 3 != 0)
        {
            throw new ArgumentException("--intake-skus must be a positive multiple of 3 (one group of SKUs per order line).");
        }

        return options;
    }

    private static HashSet<string> Scenarios(string value)
    {
        string[] known = ["intake", "hot", "reads", "returns", "analytics"];
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = names.Except(known).ToList();
        return unknown.Count == 0 ? names : throw new ArgumentException($"Unknown scenario {unknown[0]}; known: {string.Join(", ", known)}.");
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
