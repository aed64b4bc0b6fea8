using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Npgsql;

namespace OrderHub.BrowserTests.Infrastructure;

/// <summary>
/// The real OrderHub (<c>dotnet OrderHub.Api.dll</c>, the Api's own build output) in its own process on a free
/// loopback port, on a new SQLite file in a temporary directory, or on a new PostgreSQL database when
/// <c>ORDERHUB_TEST_PROVIDER=Postgres</c> (with <c>ORDERHUB_TEST_POSTGRES</c>, as the integration tests). Browsers
/// and seeding clients reach it only over HTTP. Disposing stops the process and drops the database.
/// </summary>
public sealed class PortalApp : IAsyncDisposable
{
    public const string AdminKey = "browser-admin-key-0123456789";
    private const int LogLines = 400;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orderhub-browser", Guid.NewGuid().ToString("N")[..12]);
    private Process? _process;
    private string? _postgresDatabase;

    private PortalApp(int port) => BaseAddress = new Uri($"http://127.0.0.1:{port}");

    public Uri BaseAddress { get; }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string RecentLog => string.Join('\n', _log);

    public static async Task<PortalApp> StartAsync()
    {
        var app = new PortalApp(FreePort());
        try
        {
            await app.StartProcessAsync();
            await app.WaitReadyAsync(TimeSpan.FromSeconds(120));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that sends the bootstrap admin key.</summary>
    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("ORDERHUB_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private static string PostgresAdmin => Environment.GetEnvironmentVariable("ORDERHUB_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ORDERHUB_TEST_PROVIDER=Postgres needs ORDERHUB_TEST_POSTGRES.");

    private async Task<Dictionary<string, string>> DatabaseSettingsAsync()
    {
        if (!OnPostgres)
        {
            return new(StringComparer.Ordinal)
            {
                ["OrderHub:Database:Provider"] = "Sqlite",
                ["ConnectionStrings:OrderHub"] = $"Data Source={Path.Combine(_directory, "orderhub.db")}",
            };
        }

        _postgresDatabase = $"oh_browser_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new(StringComparer.Ordinal)
        {
            ["OrderHub:Database:Provider"] = "Postgres",
            ["ConnectionStrings:OrderHub"] = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = _postgresDatabase }.ConnectionString,
        };
    }

    private async Task StartProcessAsync()
    {
        Directory.CreateDirectory(_directory);
        var assembly = ApiAssembly();
        var settings = await DatabaseSettingsAsync();
        settings["OrderHub:Security:BootstrapAdminKey"] = AdminKey;
        settings["OrderHub:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/');
        settings["OrderHub:Outbox:PollInterval"] = "00:00:00.200";
        settings["OrderHub:Outbox:FirstRetryDelay"] = "00:00:00.100";
        settings["OrderHub:Notifications:PollInterval"] = "00:00:00.500";
        settings["OrderHub:RateLimiting:PermitsPerSecond"] = "100000";
        settings["OrderHub:RateLimiting:Burst"] = "100000";
        settings["OrderHub:Swagger:Enabled"] = "false";
        // Webhook subscriptions in the tests point at this machine.
        settings["OrderHub:Webhooks:AllowPrivateTargets"] = "true";
        settings["Logging:LogLevel:Default"] = "Warning";

        // The dotnet CLI tells the processes it starts which host it is; tests run elsewhere find it on the PATH.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (_process is null || _process.HasExited)
                {
                    throw new InvalidOperationException($"OrderHub exited with code {_process?.ExitCode} before it was ready:\n{RecentLog}");
                }

                try
                {
                    using var response = await client.GetAsync("/health/ready");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false; // Not listening yet, or busy starting.
                }
            }, $"OrderHub is ready on {BaseAddress}", timeout);
        }
        catch (ShouldAssertException)
        {
            throw new TimeoutException($"OrderHub was not ready on {BaseAddress} in time:\n{RecentLog}");
        }
    }

    /// <summary>
    /// The Api's own build output (same configuration as these tests) in the repository, with its configuration
    /// files and the pages' satellite resource assemblies; <c>ORDERHUB_API_DLL</c> overrides it.
    /// </summary>
    private static string ApiAssembly()
    {
        if (Environment.GetEnvironmentVariable("ORDERHUB_API_DLL") is { Length: > 0 } configured)
        {
            return configured;
        }

        // .../tests/OrderHub.BrowserTests/bin/<Configuration>/<framework>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrderHub.sln")))
            {
                var path = Path.Combine(directory.FullName, "src", "OrderHub.Api", "bin", configuration, framework, "OrderHub.Api.dll");
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"OrderHub.Api is not built ({configuration}); build the solution first.", path);
            }
        }

        throw new DirectoryNotFoundException($"No OrderHub.sln above {output.FullName}; set ORDERHUB_API_DLL.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > LogLines && _log.TryDequeue(out _))
        {
        }
    }
}
