using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kanban.Tests.Support.Cluster;

/// <summary>A program the scale-out tests run beside them (a server, Redis, nginx), its output in a log file.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();

    private ChildProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;
    public bool Running => !_process.HasExited;

    public static ChildProcess Start(string file, IEnumerable<string> args, string logPath,
        IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, log);
        // Should the test run end without disposing it (a crash, a cancelled run), it ends too.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => child.Kill();
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines it wrote, for a test's failure message.</summary>
    public string Tail
    {
        get
        {
            if (_process.HasExited)
                _process.WaitForExit(); // drains what it wrote before exiting
            lock (_log)
                return string.Join('\n', _tail);
        }
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 40)
                _tail.Dequeue();
        }
    }

    /// <summary>Waits for the program to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to anyone, like a crash or a pulled plug.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already disposed: nothing left to kill
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:port.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout, ChildProcess? owner = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && owner?.Running != false)
            {
                await Task.Delay(50);
            }
            catch (SocketException) when (owner is not null)
            {
                var state = owner.Running ? $"still runs after {timeout.TotalSeconds:F0} s" : $"exited with {owner._process.ExitCode}";
                throw new InvalidOperationException($"Nothing listens on port {port}; {owner._process.StartInfo.FileName} {state}, writing:\n{owner.Tail}");
            }
        }
    }
}
