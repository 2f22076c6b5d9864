using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kanban.Bench;

/// <param name="Target">"≤ 10 ms" style, or null.</param>
/// <param name="Met">Whether the value meets the target (null without one). Informational: no run fails on it.</param>
public sealed record Metric(string Name, double Value, string Unit, string? Target, bool? Met, string? Note);

public sealed record Check(string Name, bool Ok, string Detail);

public sealed record Histogram(string Title, double[] Samples, double? TargetMs);

public sealed record EnvironmentInfo(
    string Url, string? Database, string? ServerRateLimit, int? ServerPid, int LoadGeneratorPid, int Cores, long MemoryMb,
    string Runtime, string Os, string LoadAverageBefore)
{
    public static EnvironmentInfo Capture(BenchContext context) => new(
        context.Server.Url.ToString(), context.Options.Str("db"), context.Options.Str("server-rate-limit"), context.Pid,
        Environment.ProcessId, Environment.ProcessorCount, Proc.MemTotalMb(), RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription,
        Proc.LoadAverage());
}

/// <summary>A scenario's outcome: headline metrics (with targets), latency summaries, histograms, checks, notes.</summary>
public sealed class Result(string scenario)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Scenario { get; } = scenario;
    public string Command { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public double WallSeconds { get; private set; }
    public EnvironmentInfo? Environment { get; private set; }
    public string LoadAverageAfter { get; private set; } = "";
    public Dictionary<string, object?> Parameters { get; } = [];
    public List<Metric> Metrics { get; } = [];
    public Dictionary<string, Summary> Latencies { get; } = [];
    public List<Check> Checks { get; } = [];
    public List<string> Notes { get; } = [];

    [JsonIgnore]
    public List<Histogram> Histograms { get; } = [];

    public void Metric(string name, double value, string unit, double? atMost = null, double? atLeast = null, string? note = null)
    {
        string? target = atMost is { } max ? $"≤ {Fmt(max)} {unit}".TrimEnd() : atLeast is { } min ? $"≥ {Fmt(min)} {unit}".TrimEnd() : null;
        bool? met = atMost is { } hi ? value <= hi : atLeast is { } lo ? value >= lo : null;
        Metrics.Add(new Metric(name, value, unit, target, met, note));
    }

    /// <summary>Summarizes a latency series (ms); optionally a headline metric for its p99 against a target, and a histogram.</summary>
    public Summary Latency(string name, double[] samples, double? p99AtMost = null, bool histogram = false, string? p99Note = null)
    {
        var summary = Summary.Of(samples);
        Latencies[name] = summary;
        if (p99AtMost is not null)
            Metric($"{name} p99", summary.P99, "ms", atMost: p99AtMost, note: p99Note);
        if (histogram && samples.Length > 0)
            Histograms.Add(new Histogram(name, samples, p99AtMost));
        return summary;
    }

    public void Check(string name, bool ok, string detail) => Checks.Add(new Check(name, ok, detail));

    public void Finish(EnvironmentInfo environment, DateTimeOffset started, string command)
    {
        Environment = environment;
        StartedAt = started;
        WallSeconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
        Command = command;
        LoadAverageAfter = Proc.LoadAverage();
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"== {Scenario} ({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))})");
        foreach (var m in Metrics)
        {
            var target = m.Target is null ? "" : $"   target {m.Target}: {(m.Met == true ? "met" : "MISSED")}";
            text.AppendLine($"  {m.Name,-44} {Fmt(m.Value),12} {m.Unit,-6}{target}");
        }
        if (Latencies.Count > 0)
        {
            text.AppendLine($"  {"latency (ms)",-34} {"n",8} {"p50",8} {"p95",8} {"p99",8} {"p99.9",8} {"max",8}");
            foreach (var (name, s) in Latencies)
                text.AppendLine($"  {name,-34} {s.Count,8} {Fmt(s.P50),8} {Fmt(s.P95),8} {Fmt(s.P99),8} {Fmt(s.P999),8} {Fmt(s.Max),8}");
        }
        foreach (var c in Checks)
            text.AppendLine($"  check {(c.Ok ? "ok  " : "FAIL")} {c.Name}: {c.Detail}");
        foreach (var n in Notes)
            text.AppendLine($"  note: {n}");
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var env = Environment!;
        md.AppendLine($"# kanban-bench: {Scenario}");
        md.AppendLine();
        md.AppendLine($"Run {StartedAt:yyyy-MM-dd HH:mm} UTC, {WallSeconds:F0} s, against `{env.Url}`" +
                      $" (database: {env.Database ?? "not given"}, server RATE_LIMIT_PER_SECOND: {env.ServerRateLimit ?? "not given"}).");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(Command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine($"Machine: {env.Cores} cores, {env.MemoryMb:N0} MB, {env.Runtime}, {env.Os}. " +
                      $"Load average (1/5/15 min) before: {env.LoadAverageBefore}, after: {LoadAverageAfter}. " +
                      "The load generator runs on the same machine as the server unless the URL says otherwise.");
        md.AppendLine();
        md.AppendLine("| parameter | value |");
        md.AppendLine("| --- | --- |");
        foreach (var (k, v) in Parameters)
            md.AppendLine($"| {k} | {v} |");
        md.AppendLine();

        md.AppendLine("## Figures");
        md.AppendLine();
        md.AppendLine("| metric | value | target | |");
        md.AppendLine("| --- | ---: | --- | --- |");
        foreach (var m in Metrics)
        {
            var met = m.Met switch { true => "met", false => "**missed**", null => "" };
            var note = m.Note is null ? "" : $" ({m.Note})";
            md.AppendLine($"| {m.Name}{note} | {Fmt(m.Value)} {m.Unit} | {m.Target ?? ""} | {met} |");
        }
        md.AppendLine();

        if (Latencies.Count > 0)
        {
            md.AppendLine("| latency (ms) | n | p50 | p90 | p95 | p99 | p99.9 | max |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, s) in Latencies)
                md.AppendLine($"| {name} | {s.Count:N0} | {Fmt(s.P50)} | {Fmt(s.P90)} | {Fmt(s.P95)} | {Fmt(s.P99)} | {Fmt(s.P999)} | {Fmt(s.Max)} |");
            md.AppendLine();
        }

        foreach (var h in Histograms)
        {
            var db = env.Database is null ? "" : $" ({env.Database})";
            md.AppendLine(Svg.Histogram($"{Scenario}{db}: {h.Title}", h.Samples, h.TargetMs));
            md.AppendLine();
        }

        if (Checks.Count > 0)
        {
            md.AppendLine("## Checks");
            md.AppendLine();
            foreach (var c in Checks)
                md.AppendLine($"- {(c.Ok ? "ok" : "**FAILED**")}: {c.Name} — {c.Detail}");
            md.AppendLine();
        }
        if (Notes.Count > 0)
        {
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var n in Notes)
                md.AppendLine($"- {n}");
            md.AppendLine();
        }
        return md.ToString();
    }

    public static string Fmt(double value) => Math.Abs(value) switch
    {
        < 1e15 when value == Math.Floor(value) => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}
