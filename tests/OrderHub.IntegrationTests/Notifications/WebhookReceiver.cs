using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// A real HTTP receiver on a free loopback port, written as a partner would: it checks the signature,
/// answers 500 to the first <c>failFirst</c> requests, and processes each X-OrderHub-Delivery only once.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _requests = new();
    private readonly ConcurrentDictionary<string, ReceivedWebhook> _processed = new();
    private int _failuresLeft;

    private WebhookReceiver(string secret, int failFirst)
    {
        Secret = secret;
        _failuresLeft = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hooks", ReceiveAsync);
    }

    public string Secret { get; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Every request, in arrival order, including refused ones.</summary>
    public IReadOnlyList<ReceivedWebhook> Requests => _requests.ToList();

    /// <summary>What the receiver acted on: one entry per delivery id.</summary>
    public IReadOnlyList<ReceivedWebhook> Processed => _processed.Values.ToList();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new WebhookReceiver($"whsec-{Guid.NewGuid():N}", failFirst);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"{address}/hooks";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var signature = request.Headers["X-OrderHub-Signature"].ToString();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var received = new ReceivedWebhook(
            request.Headers["X-OrderHub-Event"].ToString(),
            request.Headers["X-OrderHub-Delivery"].ToString(),
            signature,
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected)),
            request.ContentType ?? string.Empty,
            Encoding.UTF8.GetString(body));
        _requests.Enqueue(received);

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (!received.SignatureValid)
        {
            return Results.Unauthorized();
        }

        _processed.TryAdd(received.DeliveryId, received);
        return Results.Ok();
    }
}

public sealed record ReceivedWebhook(string EventType, string DeliveryId, string Signature, bool SignatureValid, string ContentType, string Body);
