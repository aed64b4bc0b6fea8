using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Platform;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs: the first request with a key runs and its answer is stored;
/// a replay with the same body gets that answer again and changes nothing; a different body under the same
/// key is refused with 422; a concurrent duplicate waits for the first to finish and then replays it.
/// </summary>
public sealed class IdempotencyFilter(IdempotencyStore store, IOptions<JsonOptions> jsonOptions, ProblemWriter problems) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            throw Application.RequestValidationException.For(HeaderName, $"{HeaderName} must be 1 to {MaxKeyLength} printable characters.");
        }

        var scope = ScopeOf(http.User);
        var hash = await RequestHashAsync(http.Request);
        var ct = http.RequestAborted;
        var (outcome, record) = await store.BeginAsync(scope, key, hash, ct);
        var deadline = DateTime.UtcNow + WaitForFirst;
        while (outcome == IdempotencyOutcome.InProgress && DateTime.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, ct);
            (outcome, record) = await store.BeginAsync(scope, key, hash, ct);
        }

        switch (outcome)
        {
            case IdempotencyOutcome.Replay:
                return new StoredResult(record!);
            case IdempotencyOutcome.Mismatch:
                await problems.WriteAsync(http, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"This {HeaderName} was already used for a different request; use a new key for a new request.");
                return EmptyHttpResult.Instance;
            case IdempotencyOutcome.InProgress:
                await problems.WriteAsync(http, StatusCodes.Status409Conflict, "Request in progress",
                    $"A request with this {HeaderName} is still being processed; retry shortly.");
                return EmptyHttpResult.Instance;
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception exception)
        {
            var problem = ExceptionMapping.ToProblem(exception);
            if (problem.Status is >= 400 and < 500 && problem.Status != 499)
            {
                await store.CompleteAsync(scope, key, problem.Status.Value, JsonSerializer.Serialize(problem, problem.GetType(), jsonOptions.Value.SerializerOptions), null, CancellationToken.None);
            }
            else
            {
                await store.AbandonAsync(scope, key, CancellationToken.None);
            }

            throw;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status >= 500)
        {
            await store.AbandonAsync(scope, key, CancellationToken.None);
            return result;
        }

        var value = (result as IValueHttpResult)?.Value;
        var body = value is null ? string.Empty : JsonSerializer.Serialize(value, value.GetType(), jsonOptions.Value.SerializerOptions);
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        await store.CompleteAsync(scope, key, status, body, location, CancellationToken.None);
        return result;
    }

    private static string ScopeOf(ClaimsPrincipal user) =>
        user.FindFirstValue(OrderHubClaims.KeyId) ?? "anonymous";

    /// <summary>Hash of method, path and the body as canonical JSON (key order and whitespace do not matter).</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        // RequestPipeline turned on buffering for requests with the header, so the bound body can be read again.
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var raw = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;

        string canonical;
        try
        {
            canonical = raw.Length == 0 ? string.Empty : Canonical(JsonNode.Parse(raw));
        }
        catch (JsonException)
        {
            canonical = raw;
        }

        var material = $"{request.Method} {request.Path}\n{canonical}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    /// <summary>Replays a stored answer byte for byte, flagged with <c>Idempotent-Replayed: true</c>.</summary>
    private sealed class StoredResult(IdempotencyRecord record) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => record.ResponseStatus;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var status = record.ResponseStatus ?? StatusCodes.Status200OK;
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers[ReplayedHeader] = "true";
            if (record.ResponseLocation is not null)
            {
                httpContext.Response.Headers.Location = record.ResponseLocation;
            }

            if (!string.IsNullOrEmpty(record.ResponseBody))
            {
                httpContext.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(record.ResponseBody, httpContext.RequestAborted);
            }
        }
    }
}
