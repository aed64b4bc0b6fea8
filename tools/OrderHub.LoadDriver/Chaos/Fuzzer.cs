using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderHub.LoadDriver.Chaos;

/// <summary>One fuzz request: which operation, what was broken, and the request itself.</summary>
internal sealed record FuzzCase(string Operation, string Variant, HttpMethod Method, string Url, byte[]? Body, string? ContentType, string? IdempotencyKey = null);

/// <summary>
/// Feeds every operation of the OpenAPI document missing, mistyped, huge (1 MB strings, 10,000-item arrays),
/// negative and malformed input, in the path, the query and the body, one fault at a time on an otherwise
/// valid request. The contract: never a 5xx, never no answer, and every 4xx a problem document
/// (application/problem+json with the same status). 2xx answers to broken input are counted, not failed:
/// which of them are wrong depends on the field.
/// </summary>
internal sealed class Fuzzer(JsonElement document, IReadOnlyList<string> skus, bool quick)
{
    private const int HugeString = 1 << 20;
    private const int HugeArray = 10_000;
    private const int LongUrlPart = 4_000;
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly JsonElement schemas = document.GetProperty("components").GetProperty("schemas");

    public static async Task<PhaseReport> RunAsync(ChaosOptions options)
    {
        var report = new PhaseReport("fuzz");
        using var api = new Api(options.BaseUrl, options.ApiKey, connections: 8, options.Seconds("request-timeout", 60));
        var spec = await api.GetAsync("/swagger/v1/swagger.json", parse: true);
        if (!spec.Ok)
        {
            report.Expect(false, $"cannot read the OpenAPI document: {spec.Kind}");
            return report;
        }

        var skus = Enumerable.Range(0, options.Int("skus", 30)).Select(i => $"BENCH-{i:D4}").ToList();
        var fuzzer = new Fuzzer(spec.Body, skus, options.Quick);
        var (operations, skipped, cases) = fuzzer.Cases();
        var byStatus = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<string>();
        var accepted = new ConcurrentBag<string>();
        var serverErrors = 0;
        var bareClientErrors = 0;
        var refusedBeforeApp = new ConcurrentBag<string>();
        var noAnswer = 0;
        var slowest = 0.0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, _) =>
        {
            using var request = new HttpRequestMessage(c.Method, new Uri(c.Url, UriKind.Relative));
            if (c.Body is not null)
            {
                var content = new ByteArrayContent(c.Body);
                if (c.ContentType is not null)
                {
                    content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
                }

                request.Content = content;
            }

            if (c.IdempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", c.IdempotencyKey);
            }

            var answer = await api.ExchangeAsync(request);
            lock (byStatus)
            {
                slowest = Math.Max(slowest, answer.Milliseconds);
            }

            var label = answer.Status == 0 ? (answer.TimedOut ? "timeout" : "no answer") : answer.Status.ToString(CultureInfo.InvariantCulture);
            byStatus.AddOrUpdate(label, 1, (_, n) => n + 1);
            var what = $"{c.Operation} [{c.Variant}]";
            if (answer.Status == 0)
            {
                Interlocked.Increment(ref noAnswer);
                failures.Add($"{what}: {answer.Error}");
            }
            else if (answer.Status >= 500)
            {
                Interlocked.Increment(ref serverErrors);
                failures.Add($"{what}: {answer.Status} {Title(answer)}");
            }
            else if (answer.Status >= 400 && !answer.ReachedApp && answer.Body.Length == 0)
            {
                // Kestrel's own refusal of a request it cannot parse (a NUL in the path): no app can answer it.
                refusedBeforeApp.Add(what);
            }
            else if (answer.Status >= 400 && !IsProblem(answer))
            {
                Interlocked.Increment(ref bareClientErrors);
                failures.Add($"{what}: {answer.Status} without a problem document ({answer.MediaType ?? "no body"}: {answer.Text(80)})");
            }
            else if (answer.Status < 300 && c.Variant != "valid")
            {
                accepted.Add($"{what}: {answer.Status}");
            }
        });

        report.Figure("operations fuzzed", operations);
        report.Figure("operations skipped", skipped.Count == 0 ? "none" : string.Join(", ", skipped));
        report.Figure("requests", cases.Count);
        report.Figure("seconds", Math.Round(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, 1));
        report.Figure("answers by status", string.Join(", ", byStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}×{s.Value}")));
        report.Figure("slowest request (s)", Math.Round(slowest / 1000, 2));
        report.Figure("refused by the web server before reaching the app (empty 400, not counted)", refusedBeforeApp.Count);
        report.Figure("broken requests answered 2xx", accepted.Count);
        foreach (var sample in accepted.Order(StringComparer.Ordinal).Take(8))
        {
            report.Figure("accepted", sample);
        }

        report.Expect(serverErrors == 0, $"{serverErrors} answers were 5xx");
        report.Expect(noAnswer == 0, $"{noAnswer} requests got no answer");
        report.Expect(bareClientErrors == 0, $"{bareClientErrors} 4xx answers without a problem document");
        foreach (var failure in failures.GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(40))
        {
            report.Figure("failed", failure.Count() > 1 ? $"×{failure.Count()} {failure.Key}" : failure.Key);
        }

        return report;
    }

    private static bool IsProblem(Exchange answer)
    {
        if (!answer.IsProblem)
        {
            return false;
        }

        try
        {
            using var body = JsonDocument.Parse(answer.Body);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == answer.Status
                && body.RootElement.TryGetProperty("title", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Title(Exchange answer)
    {
        try
        {
            using var body = JsonDocument.Parse(answer.Body);
            return body.RootElement.TryGetProperty("detail", out var detail) ? Cut(detail.ToString(), 120) : answer.Text(120);
        }
        catch (JsonException)
        {
            return answer.Text(120);
        }
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    /// <summary>Every case of every operation; streaming endpoints are skipped (they never end by design).</summary>
    public (int Operations, List<string> Skipped, List<FuzzCase> Cases) Cases()
    {
        var cases = new List<FuzzCase>();
        var skipped = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var name = $"{method} {path.Name}";
                if (Streams(operation.Value))
                {
                    skipped.Add(name + " (event stream)");
                    continue;
                }

                operations++;
                cases.AddRange(CasesOf(name, method, path.Name, operation.Value));
            }
        }

        return (operations, skipped, cases);
    }

    private static bool Streams(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses)
        && responses.EnumerateObject().Any(r => r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("text/event-stream", out _));

    private IEnumerable<FuzzCase> CasesOf(string name, HttpMethod method, string template, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var pathParameters = parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
        var queryParameters = parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        var keyed = parameters.Any(p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "Idempotency-Key");
        var validPath = pathParameters.ToDictionary(p => p.GetProperty("name").GetString()!, p => Uri.EscapeDataString(ValidText(p.GetProperty("name").GetString()!, Resolve(p.GetProperty("schema")))));
        JsonElement? bodySchema = operation.TryGetProperty("requestBody", out var requestBody)
            && requestBody.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;
        var validBody = bodySchema is { } rootSchema ? Valid(rootSchema, "", 0) : null;

        string Url(IReadOnlyDictionary<string, string> pathValues, string query = "") =>
            pathValues.Aggregate(template, (url, p) => url.Replace("{" + p.Key + "}", p.Value, StringComparison.Ordinal)) + query;

        FuzzCase Case(string variant, string? url = null, byte[]? body = null, bool noBody = false, string? contentType = "application/json", string? key = null) =>
            new(name, variant, method, url ?? Url(validPath), noBody ? null : body ?? (validBody is null ? null : Encoding.UTF8.GetBytes(validBody.ToJsonString())), contentType, key);

        yield return Case("valid");

        foreach (var parameter in pathParameters)
        {
            var parameterName = parameter.GetProperty("name").GetString()!;
            foreach (var (variant, value) in BrokenUrlValues(Resolve(parameter.GetProperty("schema"))))
            {
                var values = new Dictionary<string, string>(validPath) { [parameterName] = value };
                yield return Case($"path {parameterName}: {variant}", Url(values));
            }
        }

        foreach (var parameter in queryParameters)
        {
            var parameterName = parameter.GetProperty("name").GetString()!;
            foreach (var (variant, value) in BrokenUrlValues(Resolve(parameter.GetProperty("schema"))))
            {
                yield return Case($"query {parameterName}: {variant}", Url(validPath, $"?{parameterName}={value}"));
            }
        }

        if (queryParameters.Any(p => p.GetProperty("name").GetString() == "page"))
        {
            yield return Case("query page=2147483647&pageSize=200", Url(validPath, "?page=2147483647&pageSize=200"));
            yield return Case("query pageSize=2147483647", Url(validPath, "?pageSize=2147483647"));
        }

        if (keyed)
        {
            yield return Case("Idempotency-Key of 300 characters", key: new string('k', 300));
            yield return Case("Idempotency-Key empty", key: "");
        }

        if (bodySchema is not { } root)
        {
            yield break;
        }

        yield return Case("no body", noBody: true, contentType: null);
        yield return Case("empty body", body: []);
        yield return Case("body null", body: "null"u8.ToArray());
        yield return Case("body {}", body: "{}"u8.ToArray());
        yield return Case("body []", body: "[]"u8.ToArray());
        yield return Case("body a number", body: "-1"u8.ToArray());
        yield return Case("body a string", body: "\"x\""u8.ToArray());
        yield return Case("malformed JSON", body: "{\"a\":"u8.ToArray());
        yield return Case("invalid UTF-8", body: [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
        yield return Case("NUL byte in the body", body: Encoding.UTF8.GetBytes(validBody!.ToJsonString() + "\0"));
        yield return Case("text/plain body", contentType: "text/plain");
        yield return Case("deeply nested JSON", body: Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return Case("1 MB of whitespace then {}", body: Encoding.UTF8.GetBytes(new string(' ', HugeString) + "{}"));
        var extra = validBody!.DeepClone().AsObject();
        extra["unexpectedField"] = "x";
        yield return Case("unknown property", body: Bytes(extra));

        foreach (var (path, propertySchema) in Properties(root, [], 0))
        {
            var label = string.Join(".", path.Select(p => p is int i ? $"[{i}]" : (string)p)).Replace(".[", "[", StringComparison.Ordinal);
            foreach (var (variant, value, remove) in BrokenValues(propertySchema, label))
            {
                var body = validBody!.DeepClone();
                if (Mutate(body, path, value, remove))
                {
                    yield return Case($"{label}: {variant}", body: Bytes(body));
                }
            }
        }
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>Sets (or removes) the value at this path of the body; false when the path is not there.</summary>
    private static bool Mutate(JsonNode body, IReadOnlyList<object> path, JsonNode? value, bool remove)
    {
        var node = body;
        for (var i = 0; i < path.Count - 1; i++)
        {
            node = path[i] is int index ? node is JsonArray a && a.Count > index ? a[index] : null : node is JsonObject o ? o[(string)path[i]] : null;
            if (node is null)
            {
                return false;
            }
        }

        switch (path[^1], node)
        {
            case (string property, JsonObject obj):
                if (remove)
                {
                    obj.Remove(property);
                }
                else
                {
                    obj[property] = value;
                }

                return true;
            case (int index, JsonArray array) when array.Count > index:
                array[index] = value;
                return !remove;
            default:
                return false;
        }
    }

    /// <summary>Every property of the body, nested objects and the first item of arrays included (top level only when quick).</summary>
    private IEnumerable<(List<object> Path, JsonElement Schema)> Properties(JsonElement schema, List<object> path, int depth)
    {
        schema = Resolve(schema);
        if (depth > (quick ? 0 : 3) || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var propertyPath = new List<object>(path) { property.Name };
            var propertySchema = Resolve(property.Value);
            yield return (propertyPath, propertySchema);
            foreach (var nested in Properties(propertySchema, propertyPath, depth + 1))
            {
                yield return nested;
            }

            if (Type(propertySchema) == "array" && propertySchema.TryGetProperty("items", out var items))
            {
                var itemPath = new List<object>(propertyPath) { 0 };
                yield return (itemPath, Resolve(items));
                foreach (var nested in Properties(items, itemPath, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private IEnumerable<(string Variant, JsonNode? Value, bool Remove)> BrokenValues(JsonElement schema, string label)
    {
        yield return ("missing", null, true);
        yield return ("null", null, false);
        var type = Type(schema);
        if (schema.TryGetProperty("enum", out _))
        {
            yield return ("numeric enum 7", JsonValue.Create(7), false);
            yield return ("numeric enum -1", JsonValue.Create(-1), false);
            yield return ("unknown enum name", JsonValue.Create("NotAValue"), false);
            yield break;
        }

        switch (type)
        {
            case "string":
                yield return ("mistyped (number)", JsonValue.Create(12345), false);
                yield return ("empty string", JsonValue.Create(""), false);
                yield return ("1 MB string", JsonValue.Create(new string('x', HugeString)), false);
                yield return ("NUL characters", JsonValue.Create("a\0b\0"), false);
                yield return ("whitespace only", JsonValue.Create("   "), false);
                break;
            case "integer":
            case "number":
                yield return ("mistyped (string)", JsonValue.Create("NaN"), false);
                yield return ("negative", JsonValue.Create(-1), false);
                yield return ("zero", JsonValue.Create(0), false);
                yield return ("int minimum", JsonValue.Create(int.MinValue), false);
                yield return ("beyond int32", JsonValue.Create(2_147_483_648L), false);
                yield return ("huge number", JsonNode.Parse("1e300"), false);
                yield return ("fraction", JsonValue.Create(0.5), false);
                break;
            case "boolean":
                yield return ("mistyped (string)", JsonValue.Create("yes"), false);
                break;
            case "array":
                yield return ("mistyped (object)", new JsonObject { ["a"] = 1 }, false);
                yield return ("empty array", new JsonArray(), false);
                yield return ("[null]", new JsonArray((JsonNode?)null), false);
                var item = schema.TryGetProperty("items", out var items) ? Valid(items, label, 1) : JsonValue.Create("x");
                yield return ("[mistyped item]", new JsonArray(item is JsonObject ? JsonValue.Create("x") : new JsonObject()), false);
                yield return ($"{HugeArray:N0} items", new JsonArray(Enumerable.Range(0, HugeArray).Select(_ => item?.DeepClone()).ToArray()), false);
                break;
            default:
                yield return ("mistyped (string)", JsonValue.Create("x"), false);
                yield return ("mistyped (array)", new JsonArray(), false);
                yield return ("empty object", new JsonObject(), false);
                break;
        }
    }

    /// <summary>Broken path or query values, already URL-encoded.</summary>
    private static IEnumerable<(string Variant, string Value)> BrokenUrlValues(JsonElement schema)
    {
        yield return ("mistyped", "not-a-valid-value");
        yield return ("negative", "-1");
        yield return ("beyond int32", "2147483648");
        yield return ("empty", "");
        yield return ("NUL character", "a%00b");
        yield return ("non-ASCII", "%E2%98%83%F0%9F%93%A6");
        yield return ($"{LongUrlPart:N0} characters", new string('x', LongUrlPart));
        if (schema.TryGetProperty("enum", out _))
        {
            yield return ("numeric enum", "7");
        }

        if (Type(schema) is "integer" or "number")
        {
            yield return ("int32 maximum", "2147483647");
            yield return ("fraction", "0.5");
        }
    }

    private JsonNode? Valid(JsonElement schema, string name, int depth)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonValue.Create(values[0].GetString());
        }

        switch (Type(schema))
        {
            case "object":
                if (!schema.TryGetProperty("properties", out var properties))
                {
                    return new JsonObject();
                }

                var result = new JsonObject();
                foreach (var property in properties.EnumerateObject())
                {
                    if (depth < 5 && !(property.Value.TryGetProperty("readOnly", out var ro) && ro.GetBoolean()))
                    {
                        result[property.Name] = Valid(property.Value, property.Name, depth + 1);
                    }
                }

                return result;
            case "array":
                return new JsonArray(schema.TryGetProperty("items", out var items) ? Valid(items, name, depth + 1) : null);
            case "integer":
                return JsonValue.Create(1);
            case "number":
                return JsonValue.Create(9.99m);
            case "boolean":
                return JsonValue.Create(true);
            default:
                return JsonValue.Create(ValidText(name, schema));
        }
    }

    /// <summary>A value that makes sense for a field of this name, so the rest of the request gets past validation.</summary>
    private string ValidText(string name, JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format == "uuid")
        {
            return Guid.NewGuid().ToString();
        }

        if (format == "date-time")
        {
            return DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        }

        var lower = name.ToLowerInvariant();
        return lower switch
        {
            "sku" or "exchangesku" => skus[0],
            "locationcode" or "fromlocationcode" => Requests.PickLocation,
            "tolocationcode" => Requests.WarehouseCode + "-BULK",
            "code" or "warehousecode" or "returnwarehousecode" => Requests.WarehouseCode,
            "email" or "customeremail" => "fuzz@chaos.example",
            "currency" => "EUR",
            "country" => "FR",
            "url" => "http://127.0.0.1:9/hook",
            "secret" => "fuzz-secret-0123456789",
            "role" => "staff",
            "locale" => "en",
            "number" or "ordernumber" => "ORD-000001",
            _ => "fuzz",
        };
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 8; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
            }
            else if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
            {
                schema = all[0];
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    private static string? Type(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) ? type.GetString() : schema.TryGetProperty("properties", out _) ? "object" : null;
}
