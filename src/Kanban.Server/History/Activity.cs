namespace Kanban.Server.History;

/// <summary>
/// One entry of a board's history: the logged event numbered <see cref="Seq"/>, told as a
/// sentence. Written with the event in the same transaction, but kept for HISTORY_DAYS whatever
/// EVENT_RETENTION prunes from the event log.
/// </summary>
public sealed class Activity
{
    public Guid BoardId { get; set; }
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The actor and their name at the time, as the event log keeps them.</summary>
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>The event's name, e.g. <c>task:moved</c>.</summary>
    public required string Type { get; set; }

    public Guid? TaskId { get; set; }
    public Guid? ColumnId { get; set; }

    /// <summary>
    /// The task's version after this change, set only by the changes that raise it (create, update,
    /// move): a CONFLICT names who made the version a field last changed at.
    /// </summary>
    public int? TaskVersion { get; set; }

    public required string Summary { get; set; }

    /// <summary>JSON: the changed fields' old values (null for creates) and new ones (null for deletes).</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
