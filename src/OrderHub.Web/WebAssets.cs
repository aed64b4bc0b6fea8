using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace OrderHub.Web;

/// <summary>
/// The pages' static files (<c>Assets/</c>, embedded in this assembly), served at <c>/assets/{name}</c> with a
/// content hash in the URL so browsers may cache them for a year. Embedding them keeps the app one deployable
/// that serves the same files from <c>dotnet run</c>, a publish folder and the tests, whatever the environment.
/// </summary>
public static class WebAssets
{
    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>The URL of an asset, e.g. <c>/assets/site.css?v=1a2b3c</c>.</summary>
    public static string Url(string name) => Assets.TryGetValue(name, out var asset) ? $"/assets/{name}?v={asset.Version}" : $"/assets/{name}";

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assets/{name}", (string name, HttpContext http) =>
            {
                if (!Assets.TryGetValue(name, out var asset))
                {
                    return Results.NotFound();
                }

                var etag = new EntityTagHeaderValue($"\"{asset.Version}\"");
                http.Response.Headers.CacheControl = http.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
                return Results.Bytes(asset.Content, asset.ContentType, entityTag: etag);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static FrozenDictionary<string, Asset> Load()
    {
        const string prefix = "OrderHub.Web.Assets.";
        var assembly = typeof(WebAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[prefix.Length..], n => Read(assembly, n, n[prefix.Length..]), StringComparer.Ordinal);
    }

    private static Asset Read(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var version = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
        var contentType = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".ico" => "image/x-icon",
            _ => "application/octet-stream",
        };
        return new Asset(content, contentType, version);
    }

    private sealed record Asset(byte[] Content, string ContentType, string Version);
}
