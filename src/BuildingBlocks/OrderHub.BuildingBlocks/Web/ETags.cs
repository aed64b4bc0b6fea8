using Microsoft.AspNetCore.Http;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>ETag / If-Match on single resources, derived from the aggregate version.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = For(version);

    /// <summary>
    /// The version the client expects, from If-Match, or null when it sent none (the change then applies to
    /// whatever is current). A malformed value is a 400; a stale one is detected by <see cref="Check"/>.
    /// </summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && int.TryParse(value[1..^1], out var version)
            ? version
            : throw Application.RequestValidationException.For("If-Match", "If-Match must be an ETag returned by this API, such as \"3\".");
    }

    /// <summary>Throws 412 when the client's expected version is not the current one.</summary>
    public static void Check(int? expectedVersion, int currentVersion)
    {
        if (expectedVersion is { } expected && expected != currentVersion)
        {
            throw new PreconditionFailedException($"The resource has changed (ETag {For(currentVersion)}, If-Match {For(expected)}); reload it and retry.");
        }
    }
}
