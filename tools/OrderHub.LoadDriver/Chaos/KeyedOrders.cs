using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrderHub.LoadDriver.Chaos;

/// <summary>
/// One order a client wants placed: the same body under the same Idempotency-Key on every attempt, its external
/// reference unique to the key so the database can say how many orders the key produced.
/// </summary>
internal sealed class KeyedOrder(string key, byte[] body)
{
    public string Key => key;

    /// <summary>The order's externalReference: the key itself.</summary>
    public string Reference => key;

    public byte[] Body => body;

    public int Attempts { get; set; }

    /// <summary>The status of the last answer (0 when the last attempt got none).</summary>
    public int LastStatus { get; set; }

    public string? LastAnswer { get; set; }

    public Guid? OrderId { get; set; }

    /// <summary>Whether the last answer was one a retry could still change (no answer, 5xx, 429, in progress).</summary>
    public bool Retryable { get; set; }

    public bool Created => OrderId is not null;

    public static KeyedOrder New(string prefix, Random random, IReadOnlyList<string> skus, int lines)
    {
        var key = $"{prefix}-{Guid.NewGuid():N}";
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < Math.Min(lines, skus.Count))
        {
            chosen.Add(skus[random.Next(skus.Count)]);
        }

        return new KeyedOrder(key, JsonSerializer.SerializeToUtf8Bytes(Requests.Order($"buyer-{random.Next(1000)}@chaos.example", chosen, key)));
    }
}

/// <summary>
/// Every answer a phase got, by status, and the ones that break the error contract: a 5xx other than a 503
/// problem document with Retry-After, a 4xx that is not a problem document, no answer within the timeout.
/// </summary>
internal sealed class ResponseTally
{
    private readonly ConcurrentDictionary<string, int> byStatus = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> samples = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> createdAt = new();
    private int requests;
    private int badServerErrors;
    private int bareClientErrors;
    private int timeouts;
    private long slowestTicks;

    public int Requests => requests;

    public int BadServerErrors => badServerErrors;

    public int BareClientErrors => bareClientErrors;

    public int Timeouts => timeouts;

    public double SlowestSeconds => Math.Round(TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks)).TotalSeconds, 2);

    /// <summary>Unix milliseconds at which each 201 arrived.</summary>
    public IReadOnlyCollection<long> CreatedAt => createdAt;

    public IReadOnlyDictionary<string, int> ByStatus => byStatus;

    public void Record(Exchange exchange)
    {
        Interlocked.Increment(ref requests);
        var ticks = TimeSpan.FromMilliseconds(exchange.Milliseconds).Ticks;
        for (var seen = Interlocked.Read(ref slowestTicks); ticks > seen; seen = Interlocked.Read(ref slowestTicks))
        {
            if (Interlocked.CompareExchange(ref slowestTicks, ticks, seen) == seen)
            {
                break;
            }
        }

        var label = exchange.Status == 0 ? (exchange.TimedOut ? "timeout" : "no answer") : exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        byStatus.AddOrUpdate(label, 1, (_, n) => n + 1);
        if (exchange.Status == 201)
        {
            createdAt.Enqueue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        if (exchange.TimedOut)
        {
            Interlocked.Increment(ref timeouts);
        }
        else if (exchange.Status >= 500)
        {
            if (exchange.Status != 503 || !exchange.IsProblem || !exchange.RetryAfter)
            {
                Interlocked.Increment(ref badServerErrors);
                Sample($"{exchange.Status} {(exchange.IsProblem ? "problem" : exchange.MediaType ?? "no body")}{(exchange.RetryAfter ? " Retry-After" : "")}: {exchange.Text(160)}");
            }
        }
        else if (exchange.Status >= 400 && !exchange.IsProblem)
        {
            Interlocked.Increment(ref bareClientErrors);
            Sample($"{exchange.Status} {exchange.MediaType ?? "no body"}: {exchange.Text(160)}");
        }
    }

    public void Sample(string what) => samples.AddOrUpdate(what.Length > 200 ? what[..200] : what, 1, (_, n) => n + 1);

    public string Statuses() => string.Join(", ", byStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}×{s.Value}"));

    public IEnumerable<string> TopSamples(int count) =>
        samples.OrderByDescending(s => s.Value).Take(count).Select(s => $"×{s.Value} {s.Key}");

    /// <summary>The error-contract figures and checks every phase that places orders shares.</summary>
    public void Report(PhaseReport report)
    {
        report.Figure("requests", requests);
        report.Figure("answers by status", Statuses());
        report.Figure("slowest request (s)", SlowestSeconds);
        report.Expect(badServerErrors == 0, $"{badServerErrors} 5xx answers that are not a 503 problem document with Retry-After ({byStatus.GetValueOrDefault("500")} were 500)");
        report.Expect(bareClientErrors == 0, $"{bareClientErrors} 4xx answers without a problem document");
        foreach (var sample in TopSamples(4))
        {
            report.Figure("sample", sample);
        }
    }
}

/// <summary>Places keyed orders, retrying a key the way a careful client does: same key, same body, until a 201.</summary>
internal sealed class OrderPlacer(Api api, ResponseTally tally)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private int retries;

    public int Retries => retries;

    public async Task<Exchange> AttemptAsync(KeyedOrder order)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/orders", UriKind.Relative));
        request.Headers.Add("Idempotency-Key", order.Key);
        var content = new ByteArrayContent(order.Body);
        content.Headers.ContentType = Json;
        request.Content = content;
        if (order.Attempts++ > 0)
        {
            Interlocked.Increment(ref retries);
        }

        var exchange = await api.ExchangeAsync(request);
        tally.Record(exchange);
        order.LastStatus = exchange.Status;
        order.LastAnswer = exchange.Status == 0 ? exchange.Error : exchange.Text(160);
        order.Retryable = Retryable(exchange);
        if (exchange.Status == 201)
        {
            using var body = JsonDocument.Parse(exchange.Body);
            order.OrderId = body.RootElement.GetProperty("id").GetGuid();
        }

        return exchange;
    }

    /// <summary>Attempts until a 201, an answer no retry can change, or the deadline.</summary>
    public async Task PlaceAsync(KeyedOrder order, DateTime deadline)
    {
        while (true)
        {
            var exchange = await AttemptAsync(order);
            if (!order.Retryable || DateTime.UtcNow >= deadline)
            {
                return;
            }

            // Retry-After is honoured but capped: the phase measures how soon the app recovers.
            await Task.Delay(exchange.Status == 0 ? 250 : exchange.RetryAfter ? 1000 : 100);
        }
    }

    /// <summary>
    /// No answer, a 5xx, 429, or the 409 that says the key's first request is still running: worth retrying with
    /// the same key. Any other 4xx is the app's final word on a valid order.
    /// </summary>
    public static bool Retryable(Exchange exchange) =>
        exchange.Status is 0 or >= 500 or 429
        || (exchange.Status == 409 && exchange.Text(400).Contains("Request in progress", StringComparison.Ordinal));
}
