using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// Several real OrderHub processes (<c>dotnet OrderHub.Api.dll</c>, the Release build) on one PostgreSQL database,
/// each on its own loopback port, as a load balancer would see them. Tests reach them only through HTTP and read
/// the shared database for what a client cannot see. A node can be killed (SIGKILL, no shutdown) and started again;
/// disposing stops every node, and a test process that exits without disposing still kills them.
/// </summary>
public sealed class NodeCluster : IAsyncDisposable
{
    /// <summary>Cluster tests run one at a time, after the others: each starts several processes on two cores.</summary>
    public const string Collection = "OrderHub nodes";

    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly List<Node> _nodes = [];
    private readonly IReadOnlyDictionary<string, string> _settings;

    static NodeCluster() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            Kill(process);
        }
    };

    private NodeCluster(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        Database = database;
        _settings = settings;
    }

    public TestDatabase Database { get; }

    public IReadOnlyList<Node> Nodes => _nodes;

    public Node this[int index] => _nodes[index];

    /// <summary>
    /// Starts <paramref name="count"/> nodes at the same moment on a new, empty database (so they also race to
    /// create the schema) and waits until each reports ready. <paramref name="settings"/> are configuration keys
    /// (<c>OrderHub:Outbox:PollInterval</c>) added to, or overriding, the short test intervals.
    /// </summary>
    public static async Task<NodeCluster> StartAsync(int count, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateEmptyAsync();
        var merged = new Dictionary<string, string>(DefaultSettings(database), StringComparer.Ordinal);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        var cluster = new NodeCluster(database, merged);
        try
        {
            for (var i = 0; i < count; i++)
            {
                cluster._nodes.Add(new Node(i, FreePort(), merged));
            }

            foreach (var node in cluster._nodes)
            {
                node.Start();
            }

            await Task.WhenAll(cluster._nodes.Select(n => n.WaitReadyAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The node that handles request number <paramref name="request"/> under round robin.</summary>
    public Node RoundRobin(int request) => _nodes[request % _nodes.Count];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        await Database.DisposeAsync();
    }

    private static Dictionary<string, string> DefaultSettings(TestDatabase database) => new(StringComparer.Ordinal)
    {
        ["OrderHub:Database:Provider"] = "Postgres",
        ["ConnectionStrings:OrderHub"] = database.ConnectionString,
        ["OrderHub:Security:BootstrapAdminKey"] = OrderHubApp.AdminKey,
        ["OrderHub:Outbox:PollInterval"] = "00:00:00.500",
        ["OrderHub:Outbox:FirstRetryDelay"] = "00:00:00.200",
        ["OrderHub:Outbox:MaxRetryDelay"] = "00:00:01",
        ["OrderHub:Notifications:PollInterval"] = "00:00:00.500",
        ["OrderHub:Notifications:Lease"] = "00:00:05",
        ["OrderHub:Scheduling:CheckinInterval"] = "00:00:01",
        ["OrderHub:Scheduling:CheckinMisfireThreshold"] = "00:00:03",
        ["OrderHub:Scheduling:MisfireThreshold"] = "00:00:01",
        ["OrderHub:RateLimiting:PermitsPerSecond"] = "100000",
        ["OrderHub:RateLimiting:Burst"] = "100000",
        ["OrderHub:Webhooks:AllowPrivateTargets"] = "true",
        ["OrderHub:Swagger:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>
    /// The Api's own Release build output, next to this test project's in the repository (the test output holds a
    /// copy of the assembly but not the host's configuration files). <c>ORDERHUB_API_DLL</c> overrides it.
    /// </summary>
    private static string ApiAssembly()
    {
        if (Environment.GetEnvironmentVariable("ORDERHUB_API_DLL") is { Length: > 0 } configured)
        {
            return configured;
        }

        // .../tests/OrderHub.IntegrationTests/bin/<Configuration>/<framework>/
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

    /// <summary>One OrderHub process and a client for it.</summary>
    public sealed class Node : IDisposable
    {
        private const int LogLines = 400;
        private readonly IReadOnlyDictionary<string, string> _settings;
        private readonly ConcurrentQueue<string> _log = new();
        private Process? _process;

        internal Node(int index, int port, IReadOnlyDictionary<string, string> settings)
        {
            Index = index;
            Port = port;
            _settings = settings;
            BaseAddress = new Uri($"http://127.0.0.1:{port}");
        }

        public int Index { get; }

        public int Port { get; }

        public Uri BaseAddress { get; }

        public bool IsRunning => _process is { HasExited: false };

        /// <summary>The process id of the running node (part of its scheduler's instance name); 0 when it is not running.</summary>
        public int ProcessId => IsRunning ? _process!.Id : 0;

        /// <summary>The last lines the process wrote, for a failure message.</summary>
        public string RecentLog => string.Join('\n', _log);

        /// <summary>A client that sends the bootstrap admin key.</summary>
        public HttpClient Admin() => Client(OrderHubApp.AdminKey);

        public HttpClient Client(string? apiKey = null)
        {
            var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            if (apiKey is not null)
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }

            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return client;
        }

        internal void Start()
        {
            var assembly = ApiAssembly();
            // The dotnet CLI tells the processes it starts which host it is; tests run elsewhere find it on the PATH.
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(assembly)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(assembly);
            info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            foreach (var (key, value) in _settings)
            {
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.Start();
            Running[process.Id] = process;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }

        /// <summary>Waits until <c>/health/ready</c> answers 200, or fails with the node's log.</summary>
        public async Task WaitReadyAsync(TimeSpan? timeout = null)
        {
            using var client = Client();
            client.Timeout = TimeSpan.FromSeconds(5);
            try
            {
                await Eventually.HoldsAsync(() => ReadyAsync(client), $"node {Index} answers /health/ready", timeout ?? TimeSpan.FromSeconds(90));
            }
            catch (ShouldAssertException)
            {
                throw new TimeoutException($"Node {Index} was not ready on {BaseAddress} in time:\n{RecentLog}");
            }
        }

        private async Task<bool> ReadyAsync(HttpClient client)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"Node {Index} exited with code {_process?.ExitCode} before it was ready:\n{RecentLog}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                return false;
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
                return false;
            }
        }

        /// <summary>Kills the process at once (SIGKILL): no graceful shutdown, in-flight work is cut off.</summary>
        public void Kill()
        {
            if (_process is not null)
            {
                NodeCluster.Kill(_process);
                _process.WaitForExit();
                Running.TryRemove(_process.Id, out _);
            }
        }

        /// <summary>Starts the node again on the same port and database, and waits until it is ready.</summary>
        public async Task RestartAsync()
        {
            Kill();
            _process?.Dispose();
            Start();
            await WaitReadyAsync();
        }

        public void Dispose()
        {
            Kill();
            _process?.Dispose();
            _process = null;
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
}

[CollectionDefinition(NodeCluster.Collection, DisableParallelization = true)]
public sealed class NodeClusterCollection;
