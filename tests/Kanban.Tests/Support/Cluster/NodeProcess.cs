namespace Kanban.Tests.Support.Cluster;

/// <summary>
/// One Kanban server as its own process (so a test can SIGKILL it), built with the tests:
/// src/Kanban.Server/bin/&lt;configuration&gt;/net10.0, run from the project folder (its wwwroot).
/// </summary>
public sealed class NodeProcess(string name, string directory, IDictionary<string, string> environment) : IDisposable
{
    private ChildProcess? _process;

    public string Name { get; } = name;
    public int Port { get; } = ChildProcess.FreePort();
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Where this node serves /metrics (METRICS_URL): a listener of its own, never the app's port.</summary>
    public Uri MetricsAddress { get; } = new($"http://127.0.0.1:{ChildProcess.FreePort()}");
    public bool Running => _process?.Running == true;

    public async Task StartAsync()
    {
        var env = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["NODE_NAME"] = Name,
            ["METRICS_URL"] = MetricsAddress.ToString().TrimEnd('/'),
            ["DATA_DIR"] = Path.Combine(directory, Name),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Kanban"] = "Information",
        };
        _process = ChildProcess.Start("dotnet", [ServerDll], Path.Combine(directory, $"{Name}.log"), env, ServerProject);
        await ChildProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(60), _process);
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await http.GetAsync("/readyz")).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Name} never became ready; see {directory}/{Name}.log");
            await Task.Delay(100);
        }
    }

    public void Kill()
    {
        _process?.Kill();
        _process = null;
    }

    public void Dispose() => _process?.Dispose();

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kanban.slnx")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Kanban.slnx not found above the test assembly.");
        }
    }

    public static string ServerProject => Path.Combine(RepoRoot, "src", "Kanban.Server");

    /// <summary>The tests' own build configuration (bin/&lt;Configuration&gt;/net10.0), which is the server's.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string ServerDll => Path.Combine(ServerProject, "bin", Configuration, "net10.0", "Kanban.Server.dll");

    public static string DeployFile(string name) => Path.Combine(RepoRoot, "deploy", name);
}
