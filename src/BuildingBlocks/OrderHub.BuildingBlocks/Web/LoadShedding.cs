using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>Bound from <c>OrderHub:Load</c>: how much work one node takes on at once (ADR 0016).</summary>
public sealed class LoadSheddingOptions
{
    public const string SectionName = "OrderHub:Load";

    /// <summary>Requests running at once; below the connection pool (100) so each running request can get a connection.</summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Requests waiting for a slot; beyond this they are refused at once with 503.</summary>
    public int QueueLimit { get; set; } = 1024;

    /// <summary>How long a request may wait for a slot before it is refused with 503.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Marks an endpoint that holds its request open for long (a stream): it does not take a slot.</summary>
public sealed class LongLivedEndpointMetadata;

/// <summary>
/// Bounds the requests a node works on and queues, before they take a connection or any memory beyond their
/// headers: a burst beyond the queue is refused with 503 and Retry-After instead of exhausting the connection
/// pool or the heap.
/// </summary>
public static class LoadShedding
{
    public static IServiceCollection AddOrderHubLoadShedding(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LoadSheddingOptions.SectionName).Get<LoadSheddingOptions>() ?? new LoadSheddingOptions();
        services.AddSingleton(options);
        services.AddSingleton(new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.MaxConcurrentRequests),
            QueueLimit = Math.Max(0, options.QueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
        return services;
    }

    public static RouteHandlerBuilder AsLongLived(this RouteHandlerBuilder builder) => builder.WithMetadata(new LongLivedEndpointMetadata());

    public static IApplicationBuilder UseOrderHubLoadShedding(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<ConcurrencyLimiter>();
        var options = app.ApplicationServices.GetRequiredService<LoadSheddingOptions>();
        var problems = app.ApplicationServices.GetRequiredService<ProblemWriter>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrderHub.Load");
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health") || context.GetEndpoint()?.Metadata.GetMetadata<LongLivedEndpointMetadata>() is not null)
            {
                await next(context);
                return;
            }

            RateLimitLease lease;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
            {
                wait.CancelAfter(options.QueueTimeout);
                try
                {
                    lease = await limiter.AcquireAsync(1, wait.Token);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    lease = FailedLease.Instance;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            using (lease)
            {
                if (!lease.IsAcquired)
                {
                    logger.LogDebug("Refused {Method} {Path}: {Limit} requests running and the queue full or too slow", context.Request.Method, context.Request.Path.Value, options.MaxConcurrentRequests);
                    context.Response.Headers.RetryAfter = "1";
                    await problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service busy",
                        "This node is working at capacity; retry after the time in Retry-After.");
                    return;
                }

                await next(context);
            }
        });
    }

    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
