using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrderHub.BuildingBlocks.Demo;

namespace OrderHub.Api;

/// <summary>
/// The demo shop (ADR 0025): on <c>--seed-demo</c> or <c>OrderHub:Demo:Seed=true</c>, after the migrations, each
/// module's contributor fills its part of an empty database through its own use cases, in order, on a clock
/// turned back over the past months; once the server listens, the log says what to open. A database that
/// already holds data is left exactly as it is.
/// </summary>
internal static class DemoSeeding
{
    public const string Switch = "--seed-demo";
    public const string SeedSetting = "OrderHub:Demo:Seed";

    /// <summary>Turns the command-line switch into the setting, which the configuration system cannot read as a bare flag.</summary>
    public static string[] ReadSwitch(string[] args, out bool requested)
    {
        requested = args.Contains(Switch, StringComparer.Ordinal);
        return args.Where(a => a != Switch).ToArray();
    }

    public static async Task SeedDemoWhenAskedAsync(this WebApplication app, bool requestedOnCommandLine)
    {
        if (!requestedOnCommandLine && !app.Configuration.GetValue<bool>(SeedSetting))
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderHub.Api.DemoSeed");
        var started = Stopwatch.GetTimestamp();
        var context = await SeedAsync(app.Services, logger, app.Lifetime.ApplicationStopping);
        if (context is null)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        app.Lifetime.ApplicationStarted.Register(() => Announce(app, logger, context, elapsed));
    }

    private static async Task<DemoSeedContext?> SeedAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var contributors = scope.ServiceProvider.GetServices<IDemoSeedContributor>().OrderBy(c => c.Order).ToList();
        foreach (var contributor in contributors)
        {
            await using var check = services.CreateAsyncScope();
            if (await contributor.HasDataAsync(check.ServiceProvider, cancellationToken))
            {
                logger.LogWarning("Demo seed skipped: the database already holds data ({Contributor} found some). The demo shop is only ever added to an empty database; nothing was changed.", contributor.GetType().Name);
                return null;
            }
        }

        logger.LogInformation("Seeding the demo shop into the empty database…");
        var clock = services.GetRequiredService<SeedingClock>();
        using var session = clock.Begin();
        var context = new DemoSeedContext(services.GetRequiredService<IServiceScopeFactory>(), session, clock.RealNow.UtcDateTime);
        foreach (var contributor in contributors)
        {
            await contributor.SeedAsync(context, cancellationToken);
        }

        return context;
    }

    private static void Announce(WebApplication app, ILogger logger, DemoSeedContext context, TimeSpan elapsed)
    {
        var baseUrl = BaseUrl(app);
        logger.LogInformation("Demo shop ready (seeded in {Seconds:0.0} s)", elapsed.TotalSeconds);
        logger.LogInformation("  Back office:     {BackOfficeUrl}", $"{baseUrl}/backoffice");
        logger.LogInformation("  Returns portal:  {PortalUrl}", $"{baseUrl}/returns");
        foreach (var (label, value) in context.Summary)
        {
            logger.LogInformation("  {Label}: {Value}", label, value);
        }
    }

    /// <summary>Where a browser reaches this node: the configured public address, else the first address the server listens on.</summary>
    private static string BaseUrl(WebApplication app)
    {
        if (app.Configuration["OrderHub:PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var listening = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null)
        {
            return "http://localhost:5080";
        }

        // A wildcard binding is not an address a browser can open.
        return listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
