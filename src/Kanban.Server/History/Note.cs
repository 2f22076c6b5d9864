namespace Kanban.Server.History;

/// <summary>
/// What a history entry says of one event beyond its envelope: <see cref="What"/> is the sentence
/// after the actor's name ("moved “Fix login” from “Doing” to “Done”"); <see cref="Before"/> and
/// <see cref="After"/> are serialized as JSON.
/// </summary>
public sealed record Note(string What)
{
    public Guid? TaskId { get; init; }
    public Guid? ColumnId { get; init; }
    public int? TaskVersion { get; init; }
    public object? Before { get; init; }
    public object? After { get; init; }
}
