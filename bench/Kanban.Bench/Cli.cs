using System.Globalization;
using Kanban.Bench.Scenarios;

namespace Kanban.Bench;

/// <summary>Command line: <c>kanban-bench SCENARIO [--option value]...</c>.</summary>
public static class Cli
{
    public const string Usage = """
        kanban-bench SCENARIO [options]

        Drives a running Kanban server through its public surface (/auth, /graphql, /hubs/board)
        with its own users and boards, prints a line of progress per second (stderr) and a result.

        Scenarios
          fanout      B boards x W watchers (one WebSocket each), one writer per board moving a random
                      task at R moves/s for D seconds; delivery latency writer-send -> watcher-receive
          throughput  C closed-loop writers on one board with W watchers: mutations/s, deliveries/s
          idle        N connections joined to a board; server resident memory per connection (--pid)
          catchup     a client misses K events, reconnects with JoinBoard(afterSeq): time until its
                      replica equals the board query
          load        a board of T tasks: `board` query and snapshot JoinBoard latency

        Common options
          --url URL                 server (default http://127.0.0.1:8080)
          --pid PID                 the server's process id (local server): memory and CPU from /proc
          --json                    machine-readable result on stdout
          --report FILE.md          Markdown report with figures and an SVG latency histogram
          --server-rate-limit N     what RATE_LIMIT_PER_SECOND the server runs with (report only)
          --db NAME                 what database the server uses, e.g. sqlite or postgres (report only)
          --seed N                  random seed (default 1)
          --strict                  exit 3 when a correctness check fails (lost events, replica mismatch)

        fanout      --boards 10 --watchers 20 --rate 20 --duration 30 --warmup 3 --tasks 20 --columns 4
        throughput  --writers 16 --watchers 50 --duration 20 --warmup 3 --users 16 --tasks 4 (per writer)
        idle        --connections 1000 --boards 1 --users 1 --concurrency 50 --settle 10 [--no-join] --events 5 (broadcast moves)
        catchup     --events 1000 --repeat 5 --warmup 1 (rounds) --writers 4 --tasks 50
        load        --tasks 2000 --columns 5 --iterations 50 --warmup 20 (iterations) --description-bytes 200 --concurrency 8
                    --checklist-items 5 --plain (tasks without labels, assignees, due dates, checklists)

        Exit codes: 0 done, 1 the tool failed, 2 bad usage, 3 a check failed (only with --strict).
        """;

    private static readonly Dictionary<string, Func<BenchContext, Task<Result>>> Scenarios = new()
    {
        ["fanout"] = Fanout.RunAsync,
        ["throughput"] = Throughput.RunAsync,
        ["idle"] = Idle.RunAsync,
        ["catchup"] = Catchup.RunAsync,
        ["load"] = Load.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.Write(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (!Scenarios.TryGetValue(args[0], out var scenario))
        {
            Console.Error.WriteLine($"kanban-bench: unknown scenario '{args[0]}' (fanout, throughput, idle, catchup, load)");
            return 2;
        }

        Options options;
        try
        {
            options = Options.Parse(args[1..]);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"kanban-bench: {e.Message}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Log.Line("interrupted: finishing early");
            cancel.Cancel();
        };

        try
        {
            using var server = new ServerApi(new Uri(options.Str("url") ?? "http://127.0.0.1:8080"));
            var context = new BenchContext(args[0], options, server, options.IntOrNull("pid"), cancel.Token);
            await server.WaitReadyAsync(TimeSpan.FromSeconds(30), cancel.Token);
            var environment = EnvironmentInfo.Capture(context);
            var started = DateTimeOffset.UtcNow;
            var result = await scenario(context);
            result.Finish(environment, started, "kanban-bench " + string.Join(' ', args));

            if (options.Flag("json"))
            {
                Console.Error.Write(result.ToText());
                Console.Out.WriteLine(result.ToJson());
            }
            else
            {
                Console.Out.Write(result.ToText());
            }
            if (options.Str("report") is { } report)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(report));
                if (directory is not null)
                    Directory.CreateDirectory(directory);
                await File.WriteAllTextAsync(report, result.ToMarkdown());
                Log.Line($"report written to {report}");
            }
            if (options.Flag("strict") && result.Checks.Any(c => !c.Ok))
                return 3;
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"kanban-bench {args[0]} failed: {e}");
            return 1;
        }
    }
}

/// <summary>What every scenario gets: its options, the server, the server's pid (if local), a cancellation.</summary>
public sealed record BenchContext(string Scenario, Options Options, ServerApi Server, int? Pid, CancellationToken Cancel)
{
    public Random NewRandom(int salt = 0) => new(Options.Int("seed", 1) * 7919 + salt);
}

public sealed class Options
{
    private static readonly HashSet<string> Known =
    [
        "url", "pid", "json", "report", "server-rate-limit", "db", "seed", "strict",
        "boards", "watchers", "rate", "duration", "warmup", "writers", "connections", "events", "tasks",
        "columns", "users", "concurrency", "settle", "no-join", "repeat", "iterations", "description-bytes", "checklist-items", "plain",
    ];

    private static readonly HashSet<string> Flags = ["json", "strict", "no-join", "plain"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
                throw new ArgumentException($"expected an option, got '{arg}'");
            var name = arg[2..];
            string? value = null;
            if (name.IndexOf('=') is var eq and > 0)
                (name, value) = (name[..eq], name[(eq + 1)..]);
            if (!Known.Contains(name))
                throw new ArgumentException($"unknown option --{name} (see --help)");
            if (value is null)
            {
                if (Flags.Contains(name))
                    value = "true";
                else if (i + 1 < args.Length)
                    value = args[++i];
                else
                    throw new ArgumentException($"--{name} needs a value");
            }
            options._values[name] = value;
        }
        return options;
    }

    public string? Str(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v is "true" or "1" or "yes";

    public int Int(string name, int fallback) => IntOrNull(name) ?? fallback;

    public int? IntOrNull(string name) => _values.TryGetValue(name, out var v)
        ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 ? i
            : throw new ArgumentException($"--{name} must be a whole number >= 0, got '{v}'")
        : null;

    public double Double(string name, double fallback) => _values.TryGetValue(name, out var v)
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d
            : throw new ArgumentException($"--{name} must be a number >= 0, got '{v}'")
        : fallback;
}

/// <summary>Progress and notes go to stderr, so that --json leaves stdout to the result.</summary>
public static class Log
{
    private static readonly long Start = System.Diagnostics.Stopwatch.GetTimestamp();
    private static readonly Lock Gate = new();

    public static void Line(string text)
    {
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(Start).TotalSeconds;
        lock (Gate)
            Console.Error.WriteLine($"[{elapsed,6:F1}s] {text}");
    }

    /// <summary>Prints <paramref name="line"/>() once a second until disposed.</summary>
    public static IAsyncDisposable Every(TimeSpan period, Func<string> line)
    {
        var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                    Line(line());
            }
            catch (OperationCanceledException)
            {
            }
        });
        return new Stopper(stop, loop);
    }

    private sealed class Stopper(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
