using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Web;

namespace OrderHub.Api;

/// <summary>The composition root: logging, web plumbing, persistence, messaging, security and the modules.</summary>
internal static class OrderHubHost
{
    public static WebApplicationBuilder AddOrderHubHost(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            // A person reads this one as it scrolls; everywhere else a log shipper parses JSON.
            builder.Logging.AddConsole(o => o.FormatterName = CompactConsoleFormatter.Name)
                .AddConsoleFormatter<CompactConsoleFormatter, ConsoleFormatterOptions>();
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // Where the tests and developers run, a singleton (a validator, say) that captures a scoped service fails at
        // start-up instead of sharing one request's service with all the others.
        var strict = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = strict;
            o.ValidateOnBuild = strict;
        });

        var services = builder.Services;
        var configuration = builder.Configuration;
        // The system clock, which the demo seed alone may turn back for the use cases it runs (ADR 0025).
        services.AddSingleton(new SeedingClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SeedingClock>());
        services.AddOrderHubWeb(configuration);
        services.AddOrderHubLoadShedding(configuration);
        services.AddOrderHubPersistence(configuration);
        services.AddOrderHubScheduling(configuration);
        services.AddOrderHubMessaging(configuration);
        services.AddOrderHubSecurity();
        services.AddOrderHubModules(configuration, builder.Environment);
        services.AddOrderHubWeb();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddOrderHubSwagger();
        return builder;
    }

    public static WebApplication UseOrderHubHost(this WebApplication app)
    {
        app.UseOrderHubRequestPipeline();
        app.UseOrderHubLoadShedding();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        if (app.Configuration.GetValue("OrderHub:Swagger:Enabled", true))
        {
            app.UseOrderHubSwagger();
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapOrderHubModules();
        app.MapOrderHubWeb();
        return app;
    }
}
