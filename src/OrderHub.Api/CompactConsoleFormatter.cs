using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace OrderHub.Api;

/// <summary>
/// Development's console format: one line per event, <c>12:03:04.512 INF DemoSeed: message</c>, with the category
/// cut to its last segment, so a person can read the log as it scrolls. Production keeps JSON for log shippers.
/// </summary>
internal sealed class CompactConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "compact";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var category = logEntry.Category;
        var generic = category.IndexOf('`', StringComparison.Ordinal);
        if (generic >= 0)
        {
            category = category[..generic];
        }

        var shortCategory = category[(category.LastIndexOf('.') + 1)..];
        textWriter.Write(DateTime.Now.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(shortCategory);
        textWriter.Write(": ");
        textWriter.Write(message?.ReplaceLineEndings(" "));
        if (logEntry.Exception is { } exception)
        {
            // The stack trace stays on the lines below: it is what someone reads the log for then.
            textWriter.WriteLine();
            textWriter.Write(exception.ToString());
        }

        textWriter.WriteLine();
    }

    private static string Level(Microsoft.Extensions.Logging.LogLevel level) => level switch
    {
        Microsoft.Extensions.Logging.LogLevel.Trace => "TRC",
        Microsoft.Extensions.Logging.LogLevel.Debug => "DBG",
        Microsoft.Extensions.Logging.LogLevel.Information => "INF",
        Microsoft.Extensions.Logging.LogLevel.Warning => "WRN",
        Microsoft.Extensions.Logging.LogLevel.Error => "ERR",
        Microsoft.Extensions.Logging.LogLevel.Critical => "CRT",
        _ => "???",
    };
}
