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
/// answers 500 to the first <c>failFirst</c> requests, and processes each X-OrderHub-Delivery only once. A slow
/// partner (<c>answerWhenTold</c>) holds each request open until the test calls <see cref="AnswerOne"/>; a broken one
/// (<c>neverAnswer</c>) holds every request open until the receiver is disposed.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _requests = new();
    private readonly ConcurrentDictionary<string, ReceivedWebhook> _processed = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _answers = new(0);
    private readonly bool _answerWhenTold;
    private readonly bool _neverAnswer;
    private int _failuresLeft;
    private int _inFlight;
    private int _maxInFlight;

    private WebhookReceiver(string secret, int failFirst, bool answerWhenTold, bool neverAnswer)
    {
        Secret = secret;
        _failuresLeft = failFirst;
        _answerWhenTold = answerWhenTold;
        _neverAnswer = neverAnswer;
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

    /// <summary>The most requests that were open at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Lets the slow receiver answer one request it holds (or the next one to arrive).</summary>
    public void AnswerOne() => _answers.Release();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0, bool answerWhenTold = false, bool neverAnswer = false)
    {
        var receiver = new WebhookReceiver($"whsec-{Guid.NewGuid():N}", failFirst, answerWhenTold, neverAnswer);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"{address}/hooks";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        _answers.Release(int.MaxValue / 2);
        await _app.StopAsync();
        await _app.DisposeAsync();
        _answers.Dispose();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var open = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); open > max && Interlocked.CompareExchange(ref _maxInFlight, open, max) != max; max = Volatile.Read(ref _maxInFlight))
        {
        }

        try
        {
            return await AnswerAsync(request);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<IResult> AnswerAsync(HttpRequest request)
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
        if (_neverAnswer)
        {
            await _released.Task;
        }
        else if (_answerWhenTold)
        {
            await _answers.WaitAsync();
        }

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
