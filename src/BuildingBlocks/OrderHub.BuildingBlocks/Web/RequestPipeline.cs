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
        var problems = app.ApplicationServices.GetRequiredService<ProblemWriter>();
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[RequestIdHeader].ToString();
            if (incoming.Length is > 0 and <= MaxRequestIdLength && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                context.TraceIdentifier = incoming;
            }

            context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
            if (UnsafeInput(context.Request) is { } field)
            {
                var message = $"{field} {JsonInput.ForbiddenCharacterReason}.";
                await problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid request", message,
                    new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
                return;
            }

            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(IdempotencyHeaders.Key))
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

    /// <summary>
    /// The query parameter or route value that carries a control character (a decoded <c>%00</c>, say), which
    /// no field accepts and PostgreSQL cannot even compare against; null when there is none.
    /// </summary>
    private static string? UnsafeInput(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (JsonInput.IndexOfForbiddenCharacter(key) >= 0)
            {
                return "query";
            }

            foreach (var value in values)
            {
                if (value is not null && JsonInput.IndexOfForbiddenCharacter(value) >= 0)
                {
                    return key;
                }
            }
        }

        if (JsonInput.IndexOfForbiddenCharacter(request.Path.Value) < 0)
        {
            return null;
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && JsonInput.IndexOfForbiddenCharacter(text) >= 0)
            {
                return key;
            }
        }

        return "path";
    }
}
