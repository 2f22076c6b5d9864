using System.Reflection;
using System.Text.Json.Serialization;

namespace Kanban.Contract;

/// <summary>
/// An event's own fields. Every event travels as one flat object: <c>type</c> (its
/// <see cref="Name"/>, also the SignalR client method), <c>boardId</c>, <c>seq</c>, these fields,
/// then <c>actor</c>, <c>origin</c> and <c>at</c>. Adding an event is one record here.
/// </summary>
public interface IBoardEvent
{
    static abstract string Name { get; }
}

public sealed record TaskCreated(TaskView Task) : IBoardEvent
{
    public static string Name => "task:created";
}

/// <summary>
/// Only the fields that changed are present in <see cref="Updates"/>; <see cref="Before"/> holds
/// their old values (no <c>updatedAt</c>), what an undo sets them back to.
/// </summary>
public sealed record TaskUpdated(Guid TaskId, TaskChanges Updates, int Version, TaskFields Before) : IBoardEvent
{
    public static string Name => "task:updated";
}

/// <summary>
/// A task's changed fields: absent when unchanged. <see cref="DueDate"/> is present with null when
/// cleared (see <see cref="NewValue{T}"/>); the label and assignee lists are whole, as they are now.
/// </summary>
public sealed record TaskChanges(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    DateTime UpdatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NewValue<DateOnly?>? DueDate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? LabelIds { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AssigneeIds { get; init; }
}

/// <summary>Some of a task's fields, each absent when not given: <see cref="TaskUpdated.Before"/>'s old values.</summary>
public sealed record TaskFields
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>Present with null when the task had no due date.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NewValue<DateOnly?>? DueDate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? LabelIds { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AssigneeIds { get; init; }
}

/// <summary><see cref="FromPosition"/>: the task's 0-based index in <see cref="FromColumn"/> before the move (where an undo puts it back).</summary>
public sealed record TaskMoved(Guid TaskId, Guid FromColumn, Guid ToColumn, string Rank, int Position, int Version, DateTime UpdatedAt, int FromPosition) : IBoardEvent
{
    public static string Name => "task:moved";
}

public sealed record TaskDeleted(Guid TaskId) : IBoardEvent
{
    public static string Name => "task:deleted";
}

/// <summary>A task came back from the trash: whole, as in <see cref="TaskCreated"/>.</summary>
public sealed record TaskRestored(TaskView Task) : IBoardEvent
{
    public static string Name => "task:restored";
}

/// <summary>A column's tasks got new ranks (the gap between two was worn out); their order is unchanged.</summary>
public sealed record TasksReranked(Guid ColumnId, IReadOnlyList<TaskRank> Ranks) : IBoardEvent
{
    public static string Name => "tasks:reranked";
}

public sealed record TaskRank(Guid TaskId, string Rank);

public sealed record ColumnCreated(ColumnView Column) : IBoardEvent
{
    public static string Name => "column:created";
}

public sealed record ColumnUpdated(Guid ColumnId, NameChange Updates, NameChange Before) : IBoardEvent
{
    public static string Name => "column:updated";
}

/// <summary><see cref="FromPosition"/>: the column's 0-based index on the board before the move.</summary>
public sealed record ColumnMoved(Guid ColumnId, string Rank, int Position, int FromPosition) : IBoardEvent
{
    public static string Name => "column:moved";
}

/// <summary>The column and every task in it are gone.</summary>
public sealed record ColumnDeleted(Guid ColumnId) : IBoardEvent
{
    public static string Name => "column:deleted";
}

/// <summary>A column came back from the trash: whole, as in <see cref="ColumnCreated"/>, its tasks (those that went with it) in rank order.</summary>
public sealed record ColumnRestored(ColumnView Column) : IBoardEvent
{
    public static string Name => "column:restored";
}

public sealed record ColumnsReranked(IReadOnlyList<ColumnRank> Ranks) : IBoardEvent
{
    public static string Name => "columns:reranked";
}

public sealed record ColumnRank(Guid ColumnId, string Rank);

public sealed record BoardUpdated(NameChange Updates, NameChange Before) : IBoardEvent
{
    public static string Name => "board:updated";
}

public sealed record NameChange(string Name);

/// <summary>
/// The last event of a board: everyone in its room hears it and is put out. It names the members
/// the board had, whose board lists hear it too (the board is gone, so nothing else could say).
/// </summary>
public sealed record BoardDeleted(IReadOnlyList<string> MemberIds) : IBoardEvent
{
    public static string Name => "board:deleted";
}

/// <summary>Also sent, with the new role, when a member's role changes.</summary>
public sealed record MemberAdded(MemberView Member) : IBoardEvent
{
    public static string Name => "member:added";
}

/// <summary>
/// The removed member's connections hear it and are put out. The member is also off every task of
/// the board (assigneeIds): clients take them off themselves, with no task events.
/// </summary>
public sealed record MemberRemoved(string UserId) : IBoardEvent
{
    public static string Name => "member:removed";
}

/// <summary>
/// Who is looking at the board. Not logged: it has no seq, actor or origin; its object is
/// <c>type</c>, <c>boardId</c>, <c>viewers</c> and <c>at</c>.
/// </summary>
public sealed record PresenceChanged(Guid BoardId, IReadOnlyList<Viewer> Viewers, DateTime At) : IBoardEvent
{
    public static string Name => "presence:changed";

    [JsonPropertyOrder(-1)] public string Type => Name;
}

/// <summary>A new label of the board.</summary>
public sealed record LabelCreated(LabelView Label) : IBoardEvent
{
    public static string Name => "label:created";
}

public sealed record LabelUpdated(Guid LabelId, LabelChanges Updates) : IBoardEvent
{
    public static string Name => "label:updated";
}

public sealed record LabelChanges(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LabelColor? Color);

/// <summary>The label is gone, and off every task of the board: clients take it off themselves (no task events, no new versions).</summary>
public sealed record LabelDeleted(Guid LabelId) : IBoardEvent
{
    public static string Name => "label:deleted";
}

// Checklist and comment events leave the task's version and updatedAt as they are: ticking an item
// or commenting is no edit of the task, and must not make someone's open edit of it conflict.

public sealed record ChecklistItemCreated(Guid TaskId, ChecklistItemView Item) : IBoardEvent
{
    public static string Name => "checklistItem:created";
}

public sealed record ChecklistItemUpdated(Guid TaskId, Guid ItemId, ChecklistItemChanges Updates) : IBoardEvent
{
    public static string Name => "checklistItem:updated";
}

public sealed record ChecklistItemChanges(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Done);

/// <summary>
/// An item got a new rank. A checklist whose keys wore out is respread as one of these per item
/// (positions unchanged), one after the other in the same change.
/// </summary>
public sealed record ChecklistItemMoved(Guid TaskId, Guid ItemId, string Rank, int Position) : IBoardEvent
{
    public static string Name => "checklistItem:moved";
}

public sealed record ChecklistItemDeleted(Guid TaskId, Guid ItemId) : IBoardEvent
{
    public static string Name => "checklistItem:deleted";
}

/// <summary>The task's commentCount grows by one.</summary>
public sealed record CommentCreated(Guid TaskId, CommentView Comment) : IBoardEvent
{
    public static string Name => "comment:created";
}

public sealed record CommentUpdated(Guid TaskId, Guid CommentId, CommentChanges Updates) : IBoardEvent
{
    public static string Name => "comment:updated";
}

public sealed record CommentChanges(string Body, DateTime EditedAt);

/// <summary>The task's commentCount shrinks by one.</summary>
public sealed record CommentDeleted(Guid TaskId, Guid CommentId) : IBoardEvent
{
    public static string Name => "comment:deleted";
}

/// <summary>Every event's name, read from the records above: the one list servers and clients share.</summary>
public static class BoardEvents
{
    public static IReadOnlyList<string> Names { get; } = typeof(IBoardEvent).Assembly.GetTypes()
        .Where(t => t.IsAssignableTo(typeof(IBoardEvent)) && !t.IsInterface)
        .Select(t => (string)t.GetProperty(nameof(IBoardEvent.Name), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
        .Order(StringComparer.Ordinal)
        .ToList();
}
