namespace Kanban.Contract;

// What clients see of the model: the GraphQL answers, the hub's snapshots and the events'
// payloads share these shapes, so a client applying events holds what the board query returns.

/// <summary>Roles are ordered: each one can do everything the one below it can.</summary>
public enum BoardRole
{
    Viewer = 0,
    Editor = 1,
    Owner = 2,
}

/// <summary>A label's colour, one of a fixed palette so every client can show it legibly.</summary>
public enum LabelColor
{
    Gray,
    Red,
    Orange,
    Yellow,
    Green,
    Teal,
    Blue,
    Purple,
    Pink,
}

public sealed record UserView(string Id, string Name);

/// <summary>
/// A member. The email is how an OWNER addresses them (addMember), so only owners see it; for
/// everyone else, and in events (which every member receives), it is null.
/// </summary>
public sealed record MemberView(UserView User, BoardRole Role, string? Email)
{
    public MemberView WithoutEmail() => this with { Email = null };
}

/// <summary>
/// A task with everything a card shows. <see cref="DueDate"/> travels as "YYYY-MM-DD" (a calendar
/// day, no time or zone); <see cref="LabelIds"/> name labels of the board and
/// <see cref="AssigneeIds"/> members of it (ordered by ID: the order means nothing);
/// <see cref="Checklist"/> is ordered by rank. Comments are read on demand, so only their count is here.
/// </summary>
public sealed record TaskView(
    Guid Id, Guid BoardId, Guid ColumnId, string Title, string Description, string Rank, int Version,
    DateTime CreatedAt, DateTime UpdatedAt, UserView CreatedBy,
    DateOnly? DueDate, IReadOnlyList<Guid> LabelIds, IReadOnlyList<string> AssigneeIds,
    IReadOnlyList<ChecklistItemView> Checklist, int CommentCount);

public sealed record LabelView(Guid Id, Guid BoardId, string Name, LabelColor Color);

public sealed record ChecklistItemView(Guid Id, Guid TaskId, string Text, bool Done, string Rank);

/// <summary>A comment; <see cref="EditedAt"/> is null until its author edits it.</summary>
public sealed record CommentView(Guid Id, Guid TaskId, UserView Author, string Body, DateTime CreatedAt, DateTime? EditedAt);

/// <summary>A column; <see cref="Tasks"/> is null when not loaded (GraphQL then loads it on demand).</summary>
public sealed record ColumnView(Guid Id, Guid BoardId, string Name, string Rank, IReadOnlyList<TaskView>? Tasks);

/// <summary>
/// A board; the lists are null when not loaded (GraphQL then loads them on demand). Labels are
/// ordered by name (ignoring case), then ID.
/// </summary>
public sealed record BoardView(
    Guid Id, string Name, long Seq, IReadOnlyList<ColumnView>? Columns, IReadOnlyList<MemberView>? Members,
    IReadOnlyList<LabelView>? Labels);

/// <summary>One person looking at a board: how many of their connections, and what they edit.</summary>
public sealed record Viewer(UserView User, int Connections, Guid? EditingTaskId);
