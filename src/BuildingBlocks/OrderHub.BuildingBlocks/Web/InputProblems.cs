using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// Turns a request the framework could not bind (bad JSON, a value of the wrong type, a missing body, a query
/// value that is not a number) into a 400 that names the field by its JSON path and says what it must be. The
/// framework's own messages name .NET types and parameters; none of them reaches the client.
/// </summary>
public static partial class InputProblems
{
    public const string BodyField = "body";
    public const string BodyRequired = "A JSON body is required.";

    /// <summary>
    /// The problem for a binding failure. With the request's endpoint and serializer options the expected type
    /// of the field is looked up, so the message can say what the field must be.
    /// </summary>
    public static ProblemDetails For(BadHttpRequestException bad, Endpoint? endpoint = null, JsonSerializerOptions? options = null)
    {
        if (bad.InnerException is JsonException json)
        {
            return For(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, options);
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Problem(415, "Unsupported media type", "Send the body as application/json.");
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(413, "Payload too large", "The request body is larger than this route accepts.");
        }

        var message = bad.Message;
        if (message.Contains("no body was provided", StringComparison.Ordinal) || message.Contains("from body", StringComparison.Ordinal))
        {
            return Invalid(BodyField, BodyRequired, BodyRequired);
        }

        if (ParameterPattern().Match(message) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            if (message.Contains("was not provided", StringComparison.Ordinal))
            {
                var required = $"{name} is required.";
                return Invalid(name, required, required);
            }

            var type = endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.ParameterInfo.ParameterType;
            var text = $"{name} {(type is null ? "has a value that is not valid for it" : Expectation(type, null))}.";
            return Invalid(name, text, text);
        }

        return Problem(bad.StatusCode, bad.StatusCode == 400 ? "Malformed request" : "Bad request", "The request could not be read.");
    }

    /// <summary>The problem for a body the serializer refused, naming the field at <see cref="JsonException.Path"/>.</summary>
    public static ProblemDetails For(JsonException json, Type? bodyType, JsonSerializerOptions? options)
    {
        var field = FieldOf(json.Path);
        if (FindFieldException(json) is { } refused)
        {
            var text = $"{Subject(field)} {refused.Reason}.";
            return Invalid(field ?? BodyField, text, text);
        }

        if (IsSyntaxError(json))
        {
            var where = json.LineNumber is { } line && json.BytePositionInLine is { } position
                ? $" at line {line + 1}, position {position + 1}"
                : string.Empty;
            var text = $"The request body is not valid JSON{where}: {Clean(json.Message)}";
            return Invalid(field ?? BodyField, text, text);
        }

        var expected = bodyType is not null && options is not null && TypeAt(bodyType, json.Path, options) is { } type
            ? Expectation(type, options)
            : "has a value of the wrong type, or a number out of range";
        var message = $"{Subject(field)} {expected}.";
        return Invalid(field ?? BodyField, message, message);
    }

    /// <summary>What a value of <paramref name="type"/> must look like, as the end of a sentence.</summary>
    internal static string Expectation(Type type, JsonSerializerOptions? options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"must be one of: {string.Join(", ", Enum.GetNames(type))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => $"must be a whole number between {MinOf(type)} and {MaxOf(type)}",
            TypeCode.Decimal => $"must be a number between {decimal.MinValue} and {decimal.MaxValue}",
            TypeCode.Double or TypeCode.Single => "must be a number",
            TypeCode.Boolean => "must be true or false",
            TypeCode.String or TypeCode.Char => "must be a string",
            TypeCode.DateTime => "must be an ISO-8601 date and time such as 2026-11-30T09:00:00Z",
            _ when type == typeof(Guid) => "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6",
            _ when type == typeof(DateTimeOffset) => "must be an ISO-8601 date and time such as 2026-11-30T09:00:00Z",
            _ when type == typeof(DateOnly) => "must be an ISO-8601 date such as 2026-11-30",
            _ when type == typeof(TimeSpan) => "must be a duration such as 01:30:00",
            _ => (options?.GetTypeInfo(type).Kind) switch
            {
                JsonTypeInfoKind.Enumerable => "must be an array",
                JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "must be a JSON object",
                _ => "has a value of the wrong type",
            },
        };
    }

    /// <summary>The .NET type the serializer expected at a JSON path such as <c>$.lines[0].reasonCode</c>.</summary>
    internal static Type? TypeAt(Type root, string? path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (var segment in Segments(path))
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = info.Kind switch
            {
                JsonTypeInfoKind.Object when segment is string name => info.Properties.FirstOrDefault(p =>
                    string.Equals(p.Name, name, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))?.PropertyType,
                JsonTypeInfoKind.Dictionary when segment is string => info.ElementType,
                JsonTypeInfoKind.Enumerable when segment is int => info.ElementType,
                _ => null,
            };
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    /// <summary>The field's JSON path without the root: <c>$.lines[0].reasonCode</c> is <c>lines[0].reasonCode</c>; null for the root.</summary>
    internal static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = new StringBuilder();
        foreach (var segment in Segments(path))
        {
            if (segment is int index)
            {
                field.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (field.Length > 0)
                {
                    field.Append('.');
                }

                field.Append((string)segment);
            }
        }

        return field.Length == 0 ? null : field.ToString();
    }

    private static IEnumerable<object> Segments(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            yield break;
        }

        var i = path[0] == '$' ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 2)..end];
                i = Math.Min(path.Length, end + 2);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                yield return int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : path[(i + 1)..end];
                i = Math.Min(path.Length, end + 1);
            }
            else
            {
                yield break;
            }
        }
    }

    private static JsonFieldException? FindFieldException(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonFieldException field)
            {
                return field;
            }
        }

        return null;
    }

    // The reader's own errors (bad syntax, trailing data) are its internal exception type, which the serializer
    // keeps as the inner exception; conversion errors are not.
    private static bool IsSyntaxError(JsonException json) =>
        json.GetType().Name == "JsonReaderException" || json.InnerException?.GetType().Name == "JsonReaderException";

    /// <summary>The reader's message without its path suffix, and never a .NET type name.</summary>
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var text = (cut < 0 ? message : message[..cut]).Trim();
        return text.Length == 0 || TypeNamePattern().IsMatch(text) ? "the document is malformed." : text;
    }

    private static string Subject(string? field) => field ?? "The request body";

    private static object MinOf(Type type) => type.GetField("MinValue")!.GetValue(null)!;

    private static object MaxOf(Type type) => type.GetField("MaxValue")!.GetValue(null)!;

    private static HttpValidationProblemDetails Invalid(string field, string message, string detail) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = 400,
        Title = "Invalid request",
        Detail = detail,
        Type = ProblemWriter.TypeFor(400),
    };

    private static ProblemDetails Problem(int status, string title, string detail) => ProblemWriter.Create(status, title, detail);

    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"\b(System|Microsoft|OrderHub)\.[A-Za-z]|`\d")]
    private static partial Regex TypeNamePattern();
}
