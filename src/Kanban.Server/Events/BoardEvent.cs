namespace Kanban.Server.Events;

/// <summary>One row of a board's event log: the change numbered <see cref="Seq"/>.</summary>
public sealed class BoardEvent
{
    public Guid BoardId { get; set; }
    public long Seq { get; set; }
    public required string Type { get; set; }

    /// <summary>The pushed event object exactly as clients receive it (JSON), envelope included.</summary>
    public required string Payload { get; set; }

    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Origin { get; set; }
    public DateTimeOffset At { get; set; }
}
