using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>Bound from <c>OrderHub:RateLimiting</c>: a token bucket per API key.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "OrderHub:RateLimiting";

    public int PermitsPerSecond { get; set; } = 1000;

    public int Burst { get; set; } = 2000;
}

public static class WebRegistration
{
    public static IServiceCollection AddOrderHubWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            JsonInput.Configure(o.SerializerOptions);
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Type is null || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                context.ProblemDetails.Type = ProblemWriter.TypeFor(status);
            }

            context.ProblemDetails.Detail ??= status switch
            {
                StatusCodes.Status404NotFound => $"No resource or route matches {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
                _ => context.ProblemDetails.Title,
            };
        });
        services.AddExceptionHandler<ExceptionMapping>();
        services.AddSingleton<ProblemWriter>();

        var limits = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var partition = context.Request.Headers[ApiKeyDefaults.HeaderName].ToString();
                if (partition.Length == 0)
                {
                    partition = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                }

                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, limits.Burst),
                    TokensPerPeriod = Math.Max(1, limits.PermitsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    "This API key sent more requests than its rate limit allows; retry after the time in Retry-After.");
            };
        });
        return services;
    }
}
