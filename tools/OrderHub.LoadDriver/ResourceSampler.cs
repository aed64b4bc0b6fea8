using System.Diagnostics;
using System.Globalization;

namespace OrderHub.LoadDriver;

/// <summary>
/// Samples the app's memory and CPU (and the database's and this driver's CPU, and the whole machine's) from
/// /proc while a scenario runs. Peak RSS is the larger of the highest VmRSS seen every 50 ms and VmHWM, which
/// is reset through /proc/PID/clear_refs at the start when the kernel lets us. With several app processes (nodes
/// behind a load balancer) their CPU and RSS are summed.
/// </summary>
internal sealed class ResourceSampler(IReadOnlyList<int> appPids, int? dbPid, int clockTicks, string? windowFile = null) : IDisposable
{
    private CancellationTokenSource? stop;
    private Task? sampling;
    private long peakRssKb;
    private long startTimestamp;
    private double appCpuStart;
    private double dbCpuStart;
    private TimeSpan driverCpuStart;
    private (long Busy, long Total) machineStart;

    /// <summary>
    /// Starts sampling. <paramref name="scenarioWindow"/> is false for what is not one of the app's scenarios (the
    /// ceiling's pgbench run), which the window file then does not announce.
    /// </summary>
    public void Start(bool scenarioWindow = true)
    {
        foreach (var appPid in appPids)
        {
            try
            {
                File.WriteAllText($"/proc/{appPid}/clear_refs", "5");
            }
            catch (IOException)
            {
                // Not allowed or not supported: the sampled VmRSS still gives the peak.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        peakRssKb = Status("VmRSS");
        appCpuStart = AppCpuSeconds();
        dbCpuStart = DbCpuSeconds();
        driverCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        machineStart = Machine();
        startTimestamp = Stopwatch.GetTimestamp();
        if (windowFile is not null && scenarioWindow)
        {
            File.AppendAllText(windowFile, $"{MonotonicSeconds(startTimestamp).ToString("F6", CultureInfo.InvariantCulture)}\n");
        }

        stop = new CancellationTokenSource();
        sampling = SampleAsync(stop.Token);
    }

    public async Task<ResourceUsage> StopAsync()
    {
        var wall = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        await stop!.CancelAsync();
        await sampling!;
        stop.Dispose();
        stop = null;
        var app = AppCpuSeconds() - appCpuStart;
        var db = DbCpuSeconds() - dbCpuStart;
        var driver = (Process.GetCurrentProcess().TotalProcessorTime - driverCpuStart).TotalSeconds;
        var machine = Machine();
        var busy = machine.Total == machineStart.Total ? 0 : 100.0 * (machine.Busy - machineStart.Busy) / (machine.Total - machineStart.Total);
        var ours = Percent(app, wall) + Percent(db, wall) + Percent(driver, wall);
        var peak = Math.Max(Interlocked.Read(ref peakRssKb), Status("VmHWM"));
        var window = new TimedWindow(MonotonicSeconds(startTimestamp), MonotonicSeconds(startTimestamp) + wall);
        return new ResourceUsage(
            Math.Round(peak / 1024.0, 1),
            Percent(app, wall),
            dbPid is null ? null : Percent(db, wall),
            Percent(driver, wall),
            Math.Round(Math.Max(0, busy * Environment.ProcessorCount - ours), 1),
            Math.Round(busy, 1),
            window);
    }

    /// <summary>
    /// A timestamp as seconds of the machine's monotonic clock (<c>CLOCK_MONOTONIC</c>, which <see cref="Stopwatch"/>
    /// reads on Linux): the clock <c>perf record -k CLOCK_MONOTONIC</c> stamps its samples with.
    /// </summary>
    private static double MonotonicSeconds(long timestamp) => (double)timestamp / Stopwatch.Frequency;

    /// <summary>
    /// The app's and the database's CPU seconds from <see cref="Start"/> until now. Read after the scenario's events were
    /// delivered, it is what the scenario cost them with that delivery, wherever it fell.
    /// </summary>
    public (double App, double Db) CpuSinceStart() => (AppCpuSeconds() - appCpuStart, DbCpuSeconds() - dbCpuStart);

    public void Dispose() => stop?.Dispose();

    private static double Percent(double cpuSeconds, double wallSeconds) => wallSeconds <= 0 ? 0 : Math.Round(100 * cpuSeconds / wallSeconds, 1);

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var rss = Status("VmRSS");
                if (rss > Interlocked.Read(ref peakRssKb))
                {
                    Interlocked.Exchange(ref peakRssKb, rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A kB figure from /proc/PID/status, summed over the app's processes (0 for one that is gone).</summary>
    private long Status(string field) => appPids.Sum(pid => Status(pid, field));

    private static long Status(int appPid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{appPid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    private double AppCpuSeconds() => appPids.Sum(CpuSeconds);

    /// <summary>utime + stime of a process in seconds, from /proc/PID/stat.</summary>
    private double CpuSeconds(int pid) => Stat(pid) is { } stat ? (double)(stat.UserTicks + stat.SystemTicks) / clockTicks : 0;

    /// <summary>
    /// The postmaster and its direct children (backends, checkpointer, WAL writer...), including the children that
    /// have exited meanwhile (the postmaster's reaped-children time): a client such as pgbench whose backends end
    /// with it is counted too.
    /// </summary>
    private double DbCpuSeconds()
    {
        if (dbPid is not { } postmaster)
        {
            return 0;
        }

        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (Stat(pid) is { } stat && (pid == postmaster || stat.ParentPid == postmaster))
            {
                ticks += stat.UserTicks + stat.SystemTicks + (pid == postmaster ? stat.ChildrenTicks : 0);
            }
        }

        return (double)ticks / clockTicks;
    }

    private static (int ParentPid, long UserTicks, long SystemTicks, long ChildrenTicks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces: state is field 3.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[11], CultureInfo.InvariantCulture), long.Parse(fields[12], CultureInfo.InvariantCulture),
                long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Busy and total jiffies of all CPUs from /proc/stat (idle and iowait count as not busy).</summary>
    private static (long Busy, long Total) Machine()
    {
        var first = File.ReadLines("/proc/stat").First();
        var values = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Sum();
        return (total - values[3] - values[4], total);
    }
}

/// <summary>
/// Resources during a scenario: the app's peak RSS in MB, and CPU as a percentage of one
/// core (200 = both cores of a 2-core machine) for the app, the database, the driver and everything else on the
/// machine (other processes competing for the cores); machine busy in % of all cores; and the timed window they
/// cover on the monotonic clock, by which <c>build/bench.sh --profile</c> keeps only the samples taken inside it.
/// </summary>
internal sealed record ResourceUsage(double AppPeakRssMb, double AppCpuPercent, double? DbCpuPercent, double DriverCpuPercent, double OtherCpuPercent, double MachineBusyPercent, TimedWindow Window);

/// <summary>A scenario's timed window, in seconds of <c>CLOCK_MONOTONIC</c>.</summary>
internal sealed record TimedWindow(double Start, double End);
