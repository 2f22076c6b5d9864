using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kanban.Server.Telemetry;

/// <summary>
/// What one server does, as OpenTelemetry instruments: scraped at /metrics and, when an OTLP
/// endpoint is configured, exported with the traces of mutations.
/// </summary>
public sealed class KanbanMetrics
{
    public const string Name = "Kanban.Server";

    /// <summary>Spans of mutations (one per GraphQL mutation field).</summary>
    public static readonly ActivitySource Traces = new(Name);

    private readonly UpDownCounter<long> _connections;
    private readonly UpDownCounter<long> _joins;
    private readonly Counter<long> _published;
    private readonly Counter<long> _catchUps;
    private readonly Counter<long> _snapshotReads;
    private readonly Counter<long> _boardAnswers;
    private readonly Counter<long> _backplaneErrors;
    private readonly Histogram<double> _mutations;
    private readonly Histogram<int> _groups;

    public KanbanMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _connections = meter.CreateUpDownCounter<long>("kanban.hub.connections", "{connection}",
            "Hub connections open on this server.");
        _joins = meter.CreateUpDownCounter<long>("kanban.hub.joined_boards", "{join}",
            "Board rooms joined by this server's connections (one per connection and board).");
        _published = meter.CreateCounter<long>("kanban.events.published", "{event}",
            "Board events this server sent to their rooms.");
        _catchUps = meter.CreateCounter<long>("kanban.catchups", "{catchup}",
            "JoinBoard answers, by kind: events from the log, or a snapshot.");
        _snapshotReads = meter.CreateCounter<long>("kanban.snapshots.read", "{read}",
            "Whole-board reads (board query, JoinBoard snapshot), by how: kept at that seq, patched from an earlier one, or whole.");
        _boardAnswers = meter.CreateCounter<long>("kanban.graphql.board_answers", "{answer}",
            "Board queries answered from the board kept for their seq, by how: the answer kept from before, or written.");
        _backplaneErrors = meter.CreateCounter<long>("kanban.backplane.errors", "{error}",
            "Failed sends and lost connections to the Redis backplane.");

        _mutations = meter.CreateHistogram("kanban.mutation.duration", "s", "Time to run a GraphQL mutation.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
            });
        _groups = meter.CreateHistogram<int>("kanban.commit.group_size", "{change}",
            "Changes committed together in one transaction (SQLite's group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32] });
    }

    public void Connected() => _connections.Add(1);
    public void Disconnected() => _connections.Add(-1);
    public void Joined() => _joins.Add(1);
    public void Left() => _joins.Add(-1);
    public void Published() => _published.Add(1);
    public void CaughtUp(bool snapshot) => _catchUps.Add(1, new KeyValuePair<string, object?>("kind", snapshot ? "snapshot" : "events"));
    /// <summary>How a whole board was read: <c>kept</c>, <c>patched</c> or <c>whole</c>.</summary>
    public void SnapshotRead(string how) => _snapshotReads.Add(1, new KeyValuePair<string, object?>("how", how));
    public void BoardAnswered(bool kept) => _boardAnswers.Add(1, new KeyValuePair<string, object?>("how", kept ? "kept" : "written"));
    /// <summary>What failed: a send to a room, the connection to Redis, or a presence write.</summary>
    public void BackplaneError(string what) => _backplaneErrors.Add(1, new KeyValuePair<string, object?>("what", what));

    public void CommittedTogether(int changes) => _groups.Record(changes);

    public void Mutation(string name, string outcome, TimeSpan elapsed) => _mutations.Record(elapsed.TotalSeconds,
        new KeyValuePair<string, object?>("mutation", name), new KeyValuePair<string, object?>("outcome", outcome));
}
