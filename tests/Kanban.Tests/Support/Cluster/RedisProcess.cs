namespace Kanban.Tests.Support.Cluster;

/// <summary>A throwaway redis-server on 127.0.0.1 that a test can stop and start again on the same port.</summary>
public sealed class RedisProcess(string directory) : IDisposable
{
    private ChildProcess? _process;

    public int Port { get; } = ChildProcess.FreePort();
    public string Url => $"redis://127.0.0.1:{Port}";
    public bool Running => _process?.Running == true;

    public async Task StartAsync()
    {
        _process = ChildProcess.Start("redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--dir", directory],
            Path.Combine(directory, "redis.log"));
        await ChildProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(10), _process);
    }

    /// <summary>Kills it: it forgets everything (no persistence), as a crashed Redis would.</summary>
    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
