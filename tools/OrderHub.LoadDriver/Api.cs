using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrderHub.LoadDriver;

/// <summary>What one request gave back: whether it had the expected status, how long it took, and its body.</summary>
internal readonly record struct Outcome(bool Ok, double Milliseconds, string Kind, JsonElement Body, long CompletedAt);

/// <summary>
/// One request's raw answer: the status (0 when none came: <see cref="Error"/> says why), the media type, whether
/// Retry-After was sent, the body, and whether the app's pipeline handled the request (it stamps X-Request-Id on
/// every answer; the web server refuses some malformed requests before the app sees them).
/// </summary>
internal sealed record Exchange(int Status, string? MediaType, bool RetryAfter, byte[] Body, double Milliseconds, string? Error, bool TimedOut, bool ReachedApp = true)
{
    public bool IsProblem => MediaType == "application/problem+json";

    public string Text(int max = 300) => System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, max));
}

/// <summary>Keyed HTTP access to OrderHub with per-request timing (headers and the whole body read).</summary>
internal sealed class Api : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient client;

    public Api(Uri baseUrl, string apiKey, int connections, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public Task<Outcome> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK, bool parse = false, string? accept = null) =>
        SendAsync(HttpMethod.Get, path, null, expected, parse, accept);

    public Task<Outcome> PostAsync(string path, object? body, HttpStatusCode expected, bool parse = false) =>
        SendAsync(HttpMethod.Post, path, body, expected, parse);

    public Task<Outcome> PutAsync(string path, object body, bool parse = false) =>
        SendAsync(HttpMethod.Put, path, body, HttpStatusCode.OK, parse);

    /// <summary>Sends one request; the latency covers serialising nothing (the body is encoded first) up to the last byte read.</summary>
    public async Task<Outcome> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, bool parse, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        if (body is not null)
        {
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            content.Headers.ContentType = Json;
            request.Content = content;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var completed = Stopwatch.GetTimestamp();
            var ms = Stopwatch.GetElapsedTime(started, completed).TotalMilliseconds;
            if (response.StatusCode != expected)
            {
                var detail = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
                return new Outcome(false, ms, $"HTTP {(int)response.StatusCode}: {detail}", default, completed);
            }

            var json = parse && bytes.Length > 0 ? JsonDocument.Parse(bytes).RootElement.Clone() : default;
            return new Outcome(true, ms, "ok", json, completed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            var completed = Stopwatch.GetTimestamp();
            return new Outcome(false, Stopwatch.GetElapsedTime(started, completed).TotalMilliseconds, $"{ex.GetType().Name}: {ex.Message}", default, completed);
        }
    }

    /// <summary>Sends a request as built by the caller (headers, raw body) and gives back whatever came, never throwing for a failed exchange.</summary>
    public async Task<Exchange> ExchangeAsync(HttpRequestMessage request)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return new Exchange((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null,
                bytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, false, response.Headers.Contains("X-Request-Id"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Exchange(0, null, false, [], Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"{ex.GetType().Name}: {ex.Message}", ex is TaskCanceledException);
        }
    }

    /// <summary>Like <see cref="SendAsync"/> but throws on an unexpected status: for seeding, where any failure aborts the run.</summary>
    public async Task<JsonElement> MustAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        var outcome = await SendAsync(method, path, body, expected, parse: true);
        return outcome.Ok ? outcome.Body : throw new InvalidOperationException($"{method} {path} failed: {outcome.Kind}");
    }

    public void Dispose() => client.Dispose();
}
