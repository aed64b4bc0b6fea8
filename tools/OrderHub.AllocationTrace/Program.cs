using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Reads a dotnet-trace file recorded with --profile gc-verbose (build/bench.sh --allocations) and says where the app
// allocates: each GC AllocationTick event stands for about 100 KB allocated, charged to the type it sampled and to the
// stack it was allocated from.
//   OrderHub.AllocationTrace FILE.nettrace [--top N]
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: OrderHub.AllocationTrace FILE.nettrace [--top N]");
    return 2;
}

var top = args.Length > 2 && args[1] == "--top" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, long>();
var byAppFrame = new Dictionary<string, long>();
var byAppFrameAndType = new Dictionary<string, long>();
var inclusive = new Dictionary<string, long>();
long total = 0;
foreach (var traceEvent in log.Events)
{
    if (traceEvent is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    var amount = tick.AllocationAmount64;
    var type = tick.TypeName ?? "?";
    total += amount;
    Add(byType, type, amount);

    // The innermost OrderHub method on the stack (async state machines named by their method), and every method on
    // it once, whatever its depth.
    string? appFrame = null;
    var seen = new HashSet<string>();
    for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
    {
        var name = frame.CodeAddress.FullMethodName;
        if (string.IsNullOrEmpty(name))
        {
            continue;
        }

        if (Watched(name) && seen.Add(name))
        {
            Add(inclusive, name, amount);
        }

        if (appFrame is null && name.StartsWith("OrderHub.", StringComparison.Ordinal))
        {
            appFrame = name;
        }
    }

    appFrame ??= "(no OrderHub method on the stack)";
    Add(byAppFrame, appFrame, amount);
    Add(byAppFrameAndType, $"{appFrame}  allocates  {type}", amount);
}

if (total == 0)
{
    Console.WriteLine("no allocation samples (was the trace recorded with --profile gc-verbose?)");
    return 1;
}

Console.WriteLine($"{total / 1e6:F1} MB allocated in the trace's allocation samples.");
Print("By type", byType);
Print("By the innermost OrderHub method", byAppFrame);
Print("By the innermost OrderHub method and type", byAppFrameAndType);
Print(
    "OrderHub, ASP.NET Core, MediatR, FluentValidation, EF Core, Npgsql and System.Text.Json methods, inclusive (an async\n"
    + "method's MoveNext also holds the continuations that ran inline after its await, not only its own allocations)",
    inclusive,
    top * 2);
return 0;

void Print(string title, Dictionary<string, long> counts, int? rows = null)
{
    Console.WriteLine($"\n{title}:");
    foreach (var (name, amount) in counts.OrderByDescending(c => c.Value).Take(rows ?? top))
    {
        Console.WriteLine($"  {100.0 * amount / total,6:F2}%  {(name.Length > 200 ? name[..200] : name)}");
    }
}

static bool Watched(string method) => WatchedNamespaces.Prefixes.Any(prefix => method.StartsWith(prefix, StringComparison.Ordinal));

static void Add(Dictionary<string, long> counts, string key, long amount) => counts[key] = counts.GetValueOrDefault(key) + amount;

/// <summary>The namespaces whose methods the inclusive list names.</summary>
internal static class WatchedNamespaces
{
    public static readonly string[] Prefixes =
        ["OrderHub.", "Microsoft.AspNetCore.", "MediatR.", "FluentValidation.", "Microsoft.EntityFrameworkCore.", "Npgsql.", "System.Text.Json."];
}
