using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Platform.Domain;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs (ADR 0015): the first request with a key runs and its answer is stored
/// in the same transaction as the change it made; a replay with the same body gets that answer again and changes
/// nothing; a different body under the same key is refused with 422; a concurrent duplicate waits for the first
/// to end and then replays it. A request that fails without an answer (5xx, crash, lost connection) leaves no
/// change and no record behind, so a retry with the same key runs it again.
/// </summary>
internal sealed class IdempotencyFilter(IdempotencyStore store, IOptions<JsonOptions> jsonOptions, ProblemWriter problems) : IIdempotencyFilter
{
    private const string HeaderName = IdempotencyHeaders.Key;
    private const string ReplayedHeader = IdempotencyHeaders.Replayed;
    private const int MaxKeyLength = 200;

    /// <summary>How long a duplicate waits for the request that holds its key before it is told to retry.</summary>
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);

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
            throw RequestValidationException.For(HeaderName, $"{HeaderName} must be 1 to {MaxKeyLength} printable characters.");
        }

        var scope = ScopeOf(http.User);
        var hash = await RequestHashAsync(http.Request);
        var unitOfWork = http.RequestServices.GetRequiredService<UnitOfWork>();
        var platform = http.RequestServices.GetRequiredService<PlatformDbContext>();
        using var waitForFirst = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        waitForFirst.CancelAfter(WaitForFirst);
        var claimed = false;
        try
        {
            return await unitOfWork.ExecuteAsync<object?>(async ct =>
            {
                var (outcome, record) = await store.ClaimAsync(platform, scope, key, hash, waitForFirst.Token);
                claimed = true;
                switch (outcome)
                {
                    case IdempotencyOutcome.Replay:
                        return new StoredAnswer(record!);
                    case IdempotencyOutcome.Mismatch:
                        return new ProblemResult(problems, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                            $"This {HeaderName} was already used for a different request; use a new key for a new request.");
                    case IdempotencyOutcome.InProgress:
                        return InProgress();
                }

                var result = await next(context);
                var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
                if (status >= 500)
                {
                    throw new UnansweredException(result);
                }

                var value = (result as IValueHttpResult)?.Value;
                var utf8 = value is null ? [] : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), jsonOptions.Value.SerializerOptions);
                var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;

                // An endpoint sets the resource's ETag on the response before its result is written.
                var etag = http.Response.Headers.ETag.ToString() is { Length: > 0 } tag ? tag : null;
                await store.CompleteAsync(platform, record!, status, Encoding.UTF8.GetString(utf8), location, etag, ct);

                // A plain JSON answer is sent as the bytes just stored, not serialised a second time: the first answer
                // and every replay are the same bytes. Any other result writes itself.
                return value is not null && IsPlainJsonAnswer(result!)
                    ? new StoredAnswer(status, utf8, location, etag, replayed: false)
                    : result;
            }, http.RequestAborted);
        }
        catch (UnansweredException unanswered)
        {
            return unanswered.Result;
        }
        catch (OperationCanceledException) when (!claimed && waitForFirst.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return InProgress();
        }
        catch (Exception exception)
        {
            var problem = ExceptionMapping.ToProblem(exception);
            if (claimed && problem.Status is >= 400 and < 500 && problem.Status != 499)
            {
                var body = JsonSerializer.Serialize(problem, problem.GetType(), jsonOptions.Value.SerializerOptions);
                try
                {
                    await unitOfWork.ExecuteAsync(ct => store.RecordRefusalAsync(platform, scope, key, hash, problem.Status.Value, body, ct), CancellationToken.None);
                }
                catch (Exception recording) when (DbErrors.IsTransient(recording) || recording is DatabaseBusyException)
                {
                    // The refusal changed nothing: unrecorded, a retry is simply judged again.
                }
            }

            throw;
        }
    }

    private ProblemResult InProgress() => new(problems, StatusCodes.Status409Conflict, "Request in progress",
        $"A request with this {HeaderName} is still being processed; retry shortly.");

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

    /// <summary>Carries a 5xx answer out of the transaction so that it rolls back and the key stays unclaimed.</summary>
    private sealed class UnansweredException(object? result) : Exception("The request failed without an answer to keep.")
    {
        public object? Result { get; } = result;
    }

    /// <summary>A problem answer written after the transaction has ended.</summary>
    private sealed class ProblemResult(ProblemWriter problems, int status, string title, string detail) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext) => problems.WriteAsync(httpContext, status, title, detail);
    }

    /// <summary>
    /// The framework's own value results (<c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>, ...) only set the status and the
    /// location and write their value as JSON, which <see cref="StoredAnswer"/> does with the stored bytes.
    /// </summary>
    private static bool IsPlainJsonAnswer(object result) =>
        result.GetType() is { IsGenericType: true } type
        && PlainJsonAnswers.Contains(type.GetGenericTypeDefinition());

    private static readonly HashSet<Type> PlainJsonAnswers =
        [typeof(Ok<>), typeof(Created<>), typeof(Accepted<>), typeof(CreatedAtRoute<>), typeof(AcceptedAtRoute<>)];

    /// <summary>
    /// Writes a stored answer byte for byte, with its location and ETag; a replay is flagged with
    /// <c>Idempotent-Replayed: true</c>.
    /// </summary>
    private sealed class StoredAnswer(int? status, byte[] body, string? location, string? etag, bool replayed) : IResult, IStatusCodeHttpResult
    {
        public StoredAnswer(IdempotencyRecord record)
            : this(record.ResponseStatus, Encoding.UTF8.GetBytes(record.ResponseBody ?? string.Empty), record.ResponseLocation, record.ResponseETag, replayed: true)
        {
        }

        public int? StatusCode => status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var code = status ?? StatusCodes.Status200OK;
            httpContext.Response.StatusCode = code;
            if (replayed)
            {
                httpContext.Response.Headers[ReplayedHeader] = "true";
            }

            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (etag is not null)
            {
                httpContext.Response.Headers.ETag = etag;
            }

            if (body.Length > 0)
            {
                httpContext.Response.ContentType = code >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
                httpContext.Response.ContentLength = body.Length;
                await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}
