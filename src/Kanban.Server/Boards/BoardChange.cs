using System.Text.Json;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.History;

namespace Kanban.Server.Boards;

/// <summary>
/// One change to one board, inside the write path's transaction: the locked board, the
/// caller's role, and the events the change emits, each numbered with the board's next seq and
/// each (but the reranks) with its history entry under the same seq.
/// </summary>
public sealed class BoardChange(KanbanDb db, Board board, BoardRole role, UserView actor, string? origin, DateTimeOffset now)
{
    private readonly List<BoardEvent> _events = [];
    private readonly List<Activity> _entries = [];
    private bool _logged = true;

    public KanbanDb Db { get; } = db;
    public Board Board { get; } = board;
    public BoardRole Role { get; } = role;
    public UserView Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public IReadOnlyList<BoardEvent> Events => _events;

    /// <summary>
    /// Logs one event: its fields plus the envelope every event carries, and its history entry in
    /// the same transaction. <paramref name="note"/> tells what the event alone cannot (names the
    /// change has loaded); without it the event must tell itself (<see cref="Notes.Of"/>), or the
    /// change fails, so no event goes unrecorded.
    /// </summary>
    public void Emit<TEvent>(TEvent payload, Note? note = null) where TEvent : IBoardEvent
    {
        var type = TEvent.Name;
        var seq = ++Board.Seq;
        var logged = new BoardEvent
        {
            BoardId = Board.Id,
            Seq = seq,
            Type = type,
            Payload = EventJson.Of(type, Board.Id, seq, payload, Actor, origin, Now.UtcDateTime),
            ActorId = Actor.Id,
            ActorName = Actor.Name,
            Origin = origin,
            At = Now,
        };
        _events.Add(logged);

        if ((note ?? Notes.Of(payload)) is not { } entry)
            return; // a rerank: no one's change to tell
        _entries.Add(new Activity
        {
            BoardId = Board.Id, Seq = seq, At = Now, ActorId = Actor.Id, ActorName = Actor.Name, Type = type,
            TaskId = entry.TaskId, ColumnId = entry.ColumnId, TaskVersion = entry.TaskVersion,
            Summary = $"{Actor.Name} {entry.What}",
            Before = Json(entry.Before), After = Json(entry.After),
        });
    }

    /// <summary>
    /// Publishes the change's events without keeping them or their history: for a change that
    /// deletes the board, whose log and history go with it.
    /// </summary>
    public void LeaveOutOfLog() => _logged = false;

    /// <summary>
    /// The rows the change adds to the event log and the history, inserted when it is saved:
    /// the context does not track them (tracking a row was a cost on every change, for nothing
    /// to compare it with).
    /// </summary>
    public IReadOnlyList<object> LogRows => _logged ? [.. _events, .. _entries] : [];

    private static string? Json(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), ContractJson.Options);
}
