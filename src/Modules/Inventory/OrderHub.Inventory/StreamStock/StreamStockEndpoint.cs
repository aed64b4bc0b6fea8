using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.StreamStock;

internal static class StreamStockEndpoint
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/stream", StreamAsync)
            .WithName("StreamStock")
            .WithSummary("Live stock changes as Server-Sent Events")
            .WithDescription("One event (`event: stock-changed`) per committed stock change; `data` is the GET /api/v1/inventory/{sku} body with the new figures. "
                + "`?sku=` limits the stream to one SKU. A comment line `: subscribed` confirms the subscription and `: heartbeat` keeps idle connections open.")
            .Produces<StockSnapshot>(StatusCodes.Status200OK, "text/event-stream")
            // The back office's stock page listens with EventSource, which cannot send X-Api-Key: it brings its session cookie.
            .RequireAuthorization(new AuthorizeAttribute(Policies.Read) { AuthenticationSchemes = BackofficeDefaults.ApiKeyOrSession })
            .AsLongLived();

    private static async Task StreamAsync(string? sku, HttpContext http, StockStream stream, IOptions<JsonOptions> json)
    {
        var ct = http.RequestAborted;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        using var subscription = stream.Subscribe(string.IsNullOrEmpty(sku) ? null : sku);
        try
        {
            await WriteAsync(http, ": subscribed\n\n", ct);
            var reader = subscription.Channel.Reader;
            while (!ct.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(Heartbeat);
                try
                {
                    var snapshot = await reader.ReadAsync(idle.Token);
                    var data = JsonSerializer.Serialize(snapshot, json.Value.SerializerOptions);
                    await WriteAsync(http, $"event: stock-changed\ndata: {data}\n\n", ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await WriteAsync(http, ": heartbeat\n\n", ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; the subscription is removed on dispose.
        }
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.WriteAsync(text, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
