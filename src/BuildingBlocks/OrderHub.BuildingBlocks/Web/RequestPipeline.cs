using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>Request id, idempotency buffering and one structured log line per request.</summary>
public static class RequestPipeline
{
    public const string RequestIdHeader = "X-Request-Id";
    private const int MaxRequestIdLength = 64;

    public static IApplicationBuilder UseOrderHubRequestPipeline(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrderHub.Http");
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[RequestIdHeader].ToString();
            if (incoming.Length is > 0 and <= MaxRequestIdLength && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                context.TraceIdentifier = incoming;
            }

            context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(IdempotencyFilter.HeaderName))
            {
                context.Request.EnableBuffering();
            }

            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier }))
            {
                await next(context);
                logger.LogInformation(
                    "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms",
                    context.Request.Method,
                    context.Request.Path.Value,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}
