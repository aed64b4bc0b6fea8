using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server process on a free loopback port: Debian's aiosmtpd with <c>smtp_sink.py</c>, which stores
/// every message as .eml plus a .json summary parsed by Python's email package, and can require STARTTLS,
/// implicit TLS or authentication, reject recipients, or drop connections after a number of messages.
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

    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions? options = null, int? port = null)
    {
        options ??= new SmtpSinkOptions();
        var listenPort = port ?? FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "orderhub-smtp", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Notifications", "smtp_sink.py"), "--listen", $"127.0.0.1:{listenPort}", "--directory", directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (options.StartTls is { } startTls)
        {
            start.ArgumentList.Add("--starttls");
            start.ArgumentList.Add(startTls.CertificatePath);
            start.ArgumentList.Add(startTls.KeyPath);
        }

        if (options.ImplicitTls is { } implicitTls)
        {
            start.ArgumentList.Add("--smtps");
            start.ArgumentList.Add(implicitTls.CertificatePath);
            start.ArgumentList.Add(implicitTls.KeyPath);
        }

        if (options.Credentials is { } credentials)
        {
            start.ArgumentList.Add("--auth");
            start.ArgumentList.Add($"{credentials.User}:{credentials.Password}");
        }

        if (options.RejectRecipientsStartingWith is { } prefix)
        {
            start.ArgumentList.Add("--reject-prefix");
            start.ArgumentList.Add(prefix);
        }

        if (options.MaxMessagesPerConnection is { } limit)
        {
            start.ArgumentList.Add("--max-per-connection");
            start.ArgumentList.Add(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} -m aiosmtpd did not start.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var sink = new SmtpSink(process, directory, listenPort);
        try
        {
            await Eventually.HoldsAsync(
                async () => process.HasExited ? throw new InvalidOperationException($"aiosmtpd exited: {errors}") : await AcceptsAsync(listenPort),
                $"the SMTP server listens on 127.0.0.1:{listenPort}");
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

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
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
    List<ReceivedPart> Parts,
    int Connection,
    bool Tls,
    string? AuthenticatedAs)
{
    public string RawPath { get; init; } = string.Empty;

    public string Part(string contentType) =>
        Parts.SingleOrDefault(p => p.ContentType == contentType)?.Content
        ?? throw new ShouldAssertException($"The email has no {contentType} part; it has {string.Join(", ", Parts.Select(p => p.ContentType))}.");
}

public sealed record ReceivedPart(string ContentType, string? Charset, string Content);

/// <summary>How the test SMTP server behaves; by default it takes every message on a plain connection.</summary>
public sealed record SmtpSinkOptions
{
    public TestCertificate? StartTls { get; init; }

    public TestCertificate? ImplicitTls { get; init; }

    public (string User, string Password)? Credentials { get; init; }

    public string? RejectRecipientsStartingWith { get; init; }

    public int? MaxMessagesPerConnection { get; init; }
}
