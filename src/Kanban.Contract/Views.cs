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

public sealed record TaskView(
    Guid Id, Guid BoardId, Guid ColumnId, string Title, string Description, string Rank, int Version,
    DateTime CreatedAt, DateTime UpdatedAt, UserView CreatedBy);

/// <summary>A column; <see cref="Tasks"/> is null when not loaded (GraphQL then loads it on demand).</summary>
public sealed record ColumnView(Guid Id, Guid BoardId, string Name, string Rank, IReadOnlyList<TaskView>? Tasks);

/// <summary>A board; the lists are null when not loaded (GraphQL then loads them on demand).</summary>
public sealed record BoardView(Guid Id, string Name, long Seq, IReadOnlyList<ColumnView>? Columns, IReadOnlyList<MemberView>? Members);

/// <summary>One person looking at a board: how many of their connections, and what they edit.</summary>
public sealed record Viewer(UserView User, int Connections, Guid? EditingTaskId);
