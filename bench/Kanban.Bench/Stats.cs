using System.Diagnostics;
using System.Globalization;

namespace Kanban.Bench;

public static class Clock
{
    /// <summary>Stopwatch ticks (CLOCK_MONOTONIC on Linux): the one clock for send and receive times.</summary>
    public static long Now => Stopwatch.GetTimestamp();

    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static double MsSince(long from) => Ms(from, Now);

    public static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}

/// <summary>Latency samples in milliseconds, from any thread; percentiles are exact (sorted).</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];
    private readonly Lock _lock = new();

    public void Add(double ms)
    {
        lock (_lock)
            _values.Add(ms);
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _values.Count;
        }
    }

    public double[] ToArray()
    {
        lock (_lock)
            return _values.ToArray();
    }

    public Summary Summarize() => Summary.Of(ToArray());
}

public sealed record Summary(int Count, double Mean, double Min, double P50, double P90, double P95, double P99, double P999, double Max)
{
    public static Summary Of(double[] values)
    {
        if (values.Length == 0)
            return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new Summary(sorted.Length, sorted.Average(), sorted[0], At(sorted, 0.50), At(sorted, 0.90), At(sorted, 0.95),
            At(sorted, 0.99), At(sorted, 0.999), sorted[^1]);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the samples at or below it.</summary>
    private static double At(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>What /proc says about a process (the server, when it runs on this machine).</summary>
public static class Proc
{
    /// <summary>Fields of /proc/PID/status in kB (VmRSS, VmHWM, RssAnon, ...) and counts (Threads).</summary>
    public static Dictionary<string, long> Status(int pid)
    {
        var fields = new Dictionary<string, long>();
        foreach (var line in File.ReadAllLines($"/proc/{pid}/status"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var value = line[(colon + 1)..].Trim();
            var space = value.IndexOf(' ');
            if (long.TryParse(space > 0 ? value[..space] : value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                fields[line[..colon]] = n;
        }
        return fields;
    }

    public static long RssKb(int pid) => Status(pid).GetValueOrDefault("VmRSS");

    /// <summary>User + system CPU seconds of a process (fields 14 and 15 of /proc/PID/stat).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public static long MemTotalMb()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return 0;
        }
    }
}

/// <summary>CPU used by the server (when its pid is known) and by this process over a stretch of wall time.</summary>
public sealed class CpuMeter
{
    private readonly int? _pid;
    private readonly long _start = Clock.Now;
    private readonly double _serverStart;
    private readonly TimeSpan _benchStart = Process.GetCurrentProcess().TotalProcessorTime;

    public CpuMeter(int? pid)
    {
        _pid = pid;
        _serverStart = pid is { } p ? Proc.CpuSeconds(p) : 0;
    }

    /// <summary>(server %, bench %) of one core, averaged since the meter started; server null without a pid.</summary>
    public (double? Server, double Bench) Read()
    {
        var wall = Clock.MsSince(_start) / 1000;
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - _benchStart).TotalSeconds;
        double? server = _pid is { } p ? (Proc.CpuSeconds(p) - _serverStart) / wall * 100 : null;
        return (server, bench / wall * 100);
    }

    public void Report(Result result)
    {
        var (server, bench) = Read();
        if (server is { } s)
            result.Metric("server CPU (100% = one core)", s, "%", note: $"of {Environment.ProcessorCount * 100}% on this machine");
        result.Metric("load generator CPU (100% = one core)", bench, "%");
    }
}
