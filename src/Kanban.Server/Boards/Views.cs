namespace Kanban.Server.Boards;

// What clients see of the model: the GraphQL answers and the events' payloads share these
// shapes, so a client applying events holds exactly what the board query returns.

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
    DateTime CreatedAt, DateTime UpdatedAt, UserView CreatedBy)
{
    public static TaskView Of(BoardTask t, UserView createdBy) => new(
        t.Id, t.BoardId, t.ColumnId, t.Title, t.Description, t.Rank, t.Version,
        t.CreatedAt.UtcDateTime, t.UpdatedAt.UtcDateTime, createdBy);
}

/// <summary>A column; <see cref="Tasks"/> is null when not loaded (GraphQL then loads it on demand).</summary>
public sealed record ColumnView(Guid Id, Guid BoardId, string Name, string Rank, IReadOnlyList<TaskView>? Tasks)
{
    public static ColumnView Of(Column c, IReadOnlyList<TaskView>? tasks) => new(c.Id, c.BoardId, c.Name, c.Rank, tasks);
}

/// <summary>A board; the lists are null when not loaded (GraphQL then loads them on demand).</summary>
public sealed record BoardView(
    Guid Id, string Name, long Seq, IReadOnlyList<ColumnView>? Columns, IReadOnlyList<MemberView>? Members)
{
    public static BoardView Of(Board b) => new(b.Id, b.Name, b.Seq, null, null);
}

public sealed record DeletePayload(Guid Id, bool Success = true);
