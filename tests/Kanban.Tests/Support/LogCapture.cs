using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kanban.Tests.Support;

/// <summary>
/// What the server logs (at the levels its settings let through), as the console would print
/// it: each entry's text and its exception's full text. Tests measure how much is written.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Entries => _entries.ToArray();

    /// <summary>Characters written so far, a stand-in for the bytes the log file grows by.</summary>
    public long Length => _entries.Sum(e => (long)e.Text.Length);

    /// <summary>The log as text, cut at <paramref name="max"/> characters, for a failure message.</summary>
    public string Text(int max = 3000)
    {
        var text = string.Join("\n", _entries.Select(e => $"{e.Level} {e.Category}: {e.Text}"));
        return text.Length <= max ? text : text[..max] + "…";
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
