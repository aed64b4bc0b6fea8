using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server process on a free loopback port: Debian's aiosmtpd with <c>smtp_sink.py</c>, which stores
/// every message as .eml plus a .json summary parsed by Python's email package.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _directory;

    private SmtpSink(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var port = FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "orderhub-smtp", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "smtp_sink.EmlDirectory", directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Notifications");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} -m aiosmtpd did not start.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var sink = new SmtpSink(process, directory, port);
        try
        {
            await Eventually.HoldsAsync(
                async () => process.HasExited ? throw new InvalidOperationException($"aiosmtpd exited: {errors}") : await AcceptsAsync(port),
                $"the SMTP server listens on 127.0.0.1:{port}");
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }

        return sink;
    }

    /// <summary>Every message received so far, parsed.</summary>
    public IReadOnlyList<ReceivedEmail> Received() =>
        Directory.Exists(_directory)
            ? Directory.GetFiles(_directory, "*.json")
                .Select(f => JsonSerializer.Deserialize<ReceivedEmail>(File.ReadAllText(f), JsonOptions)! with { RawPath = Path.ChangeExtension(f, ".eml") })
                .ToList()
            : [];

    public IReadOnlyList<ReceivedEmail> ReceivedBy(string recipient) =>
        Received().Where(m => m.RcptTos.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>A message as the SMTP server received it.</summary>
public sealed record ReceivedEmail(
    string MailFrom,
    List<string> RcptTos,
    string MessageId,
    string Subject,
    string From,
    string To,
    string ContentLanguage,
    string ContentType,
    List<ReceivedPart> Parts)
{
    public string RawPath { get; init; } = string.Empty;

    public string Part(string contentType) =>
        Parts.SingleOrDefault(p => p.ContentType == contentType)?.Content
        ?? throw new ShouldAssertException($"The email has no {contentType} part; it has {string.Join(", ", Parts.Select(p => p.ContentType))}.");
}

public sealed record ReceivedPart(string ContentType, string? Charset, string Content);
