using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// Sends every operation of the app's own OpenAPI document the inputs that used to end in a 500: no body, a null
/// or empty body, a body of the wrong shape, NUL in each string field, a null line, wrong types, numbers too
/// large, pages past any offset and NUL in query values. Nothing may be a 5xx, and every 4xx must be a problem.
/// </summary>
public sealed partial class BadInputSweepTests(OrderHubApp app) : IntegrationTest(app)
{
    private const int MaxDepth = 3;

    private sealed record Operation(string Method, string Path, JsonObject Spec)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
    }

    private sealed record Attempt(string What, HttpRequestMessage Request, string? NulField = null);

    [Fact]
    public async Task No_bad_input_to_any_operation_is_a_server_error_and_every_refusal_is_a_problem()
    {
        using var admin = App.Admin();
        var document = JsonNode.Parse(await admin.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(30);

        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            foreach (var attempt in Attempts(operation, schemas))
            {
                sent++;
                using var request = attempt.Request;
                using var response = await admin.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var failure = Judge(response, body, attempt);
                if (failure is not null)
                {
                    failures.Add($"{operation} [{attempt.What}] → {(int)response.StatusCode}: {failure} {Truncate(body)}");
                }
            }
        }

        sent.ShouldBeGreaterThan(200);
        failures.ShouldBeEmpty($"{failures.Count} of {sent} requests were answered wrongly:\n{string.Join('\n', failures)}");
    }

    private static string? Judge(HttpResponseMessage response, string body, Attempt attempt)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a server error";
        }

        if (status < 400)
        {
            return attempt.NulField is null ? null : "accepted a NUL character";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "not application/problem+json";
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "not JSON";
        }

        if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status
            || !problem.TryGetProperty("title", out var t) || string.IsNullOrWhiteSpace(t.GetString())
            || !problem.TryGetProperty("detail", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
        {
            return "a problem without status, title and detail";
        }

        if (TypeName().IsMatch(body))
        {
            return "names a .NET type";
        }

        if (attempt.NulField is { } field)
        {
            if (status != 400)
            {
                return "a NUL character not refused with 400";
            }

            if (!problem.TryGetProperty("errors", out var errors) || !errors.TryGetProperty(field, out _))
            {
                return $"errors do not name {field}";
            }
        }

        return null;
    }

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, spec) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "delete" or "patch" && spec is JsonObject operation)
                {
                    yield return new Operation(method, path, operation);
                }
            }
        }
    }

    private static IEnumerable<Attempt> Attempts(Operation operation, JsonObject schemas)
    {
        var method = new HttpMethod(operation.Method.ToUpperInvariant());
        var parameters = operation.Spec["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var path = Regex.Replace(operation.Path, "{([^}]+)}", m => SampleRouteValue(parameters, m.Groups[1].Value));
        var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
        if (IsStream(operation))
        {
            yield break;
        }

        if (query.Any(p => (string?)p["name"] == "page"))
        {
            yield return new Attempt("page=2147483647", new HttpRequestMessage(method, $"{path}?page=2147483647"));
            yield return new Attempt("page=2147483647&pageSize=200", new HttpRequestMessage(method, $"{path}?page=2147483647&pageSize=200"));
            yield return new Attempt("page=99999999999", new HttpRequestMessage(method, $"{path}?page=99999999999"));
            yield return new Attempt("page=abc", new HttpRequestMessage(method, $"{path}?page=abc"));
        }

        foreach (var parameter in query.Where(p => (string?)Resolve(p["schema"], schemas)?["type"] == "string"))
        {
            var name = (string)parameter["name"]!;
            yield return new Attempt($"{name}=a%00b", new HttpRequestMessage(method, $"{path}?{name}=a%00b"), name);
        }

        var bodySchema = Resolve(operation.Spec["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
        if (bodySchema is null)
        {
            yield break;
        }

        var sample = Sample(bodySchema, schemas, 0)!;
        yield return new Attempt("no body", new HttpRequestMessage(method, path));
        yield return new Attempt("null body", Json(method, path, "null"));
        yield return new Attempt("empty body", Json(method, path, string.Empty));
        yield return new Attempt("[]", Json(method, path, "[]"));
        yield return new Attempt("a string", Json(method, path, "\"text\""));
        yield return new Attempt("truncated", Json(method, path, "{\"a\":"));
        yield return new Attempt("trailing data", Json(method, path, sample.ToJsonString() + " x"));

        foreach (var (field, replace) in Leaves(sample, string.Empty))
        {
            var leaf = Leaf(sample, field);
            if (leaf is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                yield return new Attempt($"NUL in {field}", Json(method, path, With(sample, replace, JsonValue.Create("a\u0000b"))), field);
                yield return new Attempt($"number in {field}", Json(method, path, With(sample, replace, JsonValue.Create(7))));
            }
            else if (leaf is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
            {
                yield return new Attempt($"1e30 in {field}", Json(method, path, With(sample, replace, JsonValue.Create(1e30))));
                yield return new Attempt($"huge integer in {field}", Json(method, path, With(sample, replace, JsonNode.Parse("123456789012345678901234567890"))));
                yield return new Attempt($"string in {field}", Json(method, path, With(sample, replace, JsonValue.Create("seven"))));
            }

            yield return new Attempt($"object in {field}", Json(method, path, With(sample, replace, new JsonObject())));
            yield return new Attempt($"array in {field}", Json(method, path, With(sample, replace, new JsonArray())));
            yield return new Attempt($"null in {field}", Json(method, path, With(sample, replace, null)));
        }

        if (sample is JsonObject obj && obj["lines"] is JsonArray)
        {
            var copy = obj.DeepClone().AsObject();
            copy["lines"] = new JsonArray((JsonNode?)null);
            yield return new Attempt("lines:[null]", Json(method, path, copy.ToJsonString()));
        }
    }

    private static bool IsStream(Operation operation) =>
        operation.Spec["responses"]?.AsObject().Any(r => r.Value?["content"]?.AsObject().ContainsKey("text/event-stream") == true) == true
        || operation.Path.EndsWith("/stream", StringComparison.Ordinal);

    private static string SampleRouteValue(List<JsonObject> parameters, string name)
    {
        var schema = parameters.FirstOrDefault(p => (string?)p["name"] == name)?["schema"];
        return (string?)schema?["format"] == "uuid" ? Guid.NewGuid().ToString() : "SWEEP-1";
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static JsonObject? Resolve(JsonNode? schema, JsonObject schemas)
    {
        for (var depth = 0; schema is JsonObject obj && depth < 10; depth++)
        {
            if (obj["$ref"] is JsonValue reference)
            {
                schema = schemas[((string)reference!).Split('/')[^1]];
                continue;
            }

            if ((obj["allOf"] ?? obj["oneOf"] ?? obj["anyOf"]) is JsonArray options && options.Count > 0)
            {
                schema = options.FirstOrDefault(o => (string?)o?["type"] != "null");
                continue;
            }

            return obj;
        }

        return null;
    }

    /// <summary>A plausible value for the schema: every property filled, one element per array.</summary>
    private static JsonNode? Sample(JsonObject schema, JsonObject schemas, int depth)
    {
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        var type = schema["type"] switch
        {
            JsonValue single => (string?)single,
            JsonArray several => several.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "string" => (string?)schema["format"] switch
            {
                "uuid" => JsonValue.Create(Guid.NewGuid()),
                "date-time" => JsonValue.Create("2026-11-30T09:00:00Z"),
                "date" => JsonValue.Create("2026-11-30"),
                _ => JsonValue.Create("SWEEP-1"),
            },
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5m),
            "boolean" => JsonValue.Create(true),
            "array" when depth < MaxDepth => Resolve(schema["items"], schemas) is { } item ? new JsonArray(Sample(item, schemas, depth + 1)) : [],
            "object" when depth < MaxDepth => SampleObject(schema, schemas, depth),
            _ => null,
        };
    }

    private static JsonObject SampleObject(JsonObject schema, JsonObject schemas, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            result[name] = Resolve(property, schemas) is { } resolved ? Sample(resolved, schemas, depth + 1) : null;
        }

        if (schema["additionalProperties"] is JsonObject additional && Resolve(additional, schemas) is { } value)
        {
            result["key"] = Sample(value, schemas, depth + 1);
        }

        return result;
    }

    /// <summary>Every leaf and container below the root, as a JSON path and a way to replace it in a copy.</summary>
    private static IEnumerable<(string Path, string[] Steps)> Leaves(JsonNode? node, string prefix, string[]? steps = null)
    {
        steps ??= [];
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                    string[] next = [.. steps, name];
                    yield return (path, next);
                    foreach (var nested in Leaves(child, path, next))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array when array.Count > 0:
                {
                    var path = $"{prefix}[0]";
                    string[] next = [.. steps, "[0]"];
                    yield return (path, next);
                    foreach (var nested in Leaves(array[0], path, next))
                    {
                        yield return nested;
                    }

                    break;
                }
        }
    }

    private static JsonNode? Leaf(JsonNode root, string field) => Navigate(root, Leaves(root, string.Empty).First(l => l.Path == field).Steps);

    private static JsonNode? Navigate(JsonNode? node, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            node = step == "[0]" ? node?.AsArray()[0] : node?.AsObject()[step];
        }

        return node;
    }

    private static string With(JsonNode sample, string[] steps, JsonNode? replacement)
    {
        var copy = sample.DeepClone();
        var parent = Navigate(copy, steps[..^1]);
        if (steps[^1] == "[0]")
        {
            parent!.AsArray()[0] = replacement;
        }
        else
        {
            parent!.AsObject()[steps[^1]] = replacement;
        }

        return copy.ToJsonString();
    }

    private static string Truncate(string body) => body.Length <= 400 ? body : body[..400] + "…";

    [GeneratedRegex(@"\b(System|Microsoft|OrderHub)\.[A-Z]")]
    private static partial Regex TypeName();
}
