using System.Text.Json;
using Kanban.Server.Data;
using Kanban.Server.Events;

namespace Kanban.Server.Boards;

/// <summary>
/// One change to one board, inside the write path's transaction: the locked board, the
/// caller's role, and the events the change emits, each numbered with the board's next seq.
/// </summary>
public sealed class BoardChange(KanbanDb db, Board board, BoardRole role, UserView actor, string? origin, DateTimeOffset now)
{
    private readonly List<BoardEvent> _events = [];

    public KanbanDb Db { get; } = db;
    public Board Board { get; } = board;
    public BoardRole Role { get; } = role;
    public UserView Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public IReadOnlyList<BoardEvent> Events => _events;

    /// <summary>Logs one event: its fields plus the envelope every event carries.</summary>
    public void Emit<TEvent>(TEvent payload) where TEvent : IBoardEvent
    {
        var type = TEvent.Name;
        var seq = ++Board.Seq;
        var at = Now.UtcDateTime;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("boardId", Board.Id);
            json.WriteNumber("seq", seq);
            foreach (var field in JsonSerializer.SerializeToElement(payload, ContractJson.Options).EnumerateObject())
                field.WriteTo(json);
            json.WritePropertyName("actor");
            JsonSerializer.Serialize(json, Actor, ContractJson.Options);
            json.WriteString("origin", origin);
            json.WritePropertyName("at");
            JsonSerializer.Serialize(json, at, ContractJson.Options);
            json.WriteEndObject();
        }

        var logged = new BoardEvent
        {
            BoardId = Board.Id,
            Seq = seq,
            Type = type,
            Payload = System.Text.Encoding.UTF8.GetString(buffer.ToArray()),
            ActorId = Actor.Id,
            ActorName = Actor.Name,
            Origin = origin,
            At = Now,
        };
        Db.Events.Add(logged);
        _events.Add(logged);
    }
}
