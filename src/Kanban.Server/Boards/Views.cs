namespace Kanban.Server.Boards;

/// <summary>
/// The contract's views (Kanban.Contract) of the stored rows. The views themselves are shared
/// with clients; how they are made from rows is the server's business.
/// </summary>
public static class ViewOf
{
    public static TaskView Task(BoardTask t, UserView createdBy) => new(
        t.Id, t.BoardId, t.ColumnId, t.Title, t.Description, t.Rank, t.Version,
        t.CreatedAt.UtcDateTime, t.UpdatedAt.UtcDateTime, createdBy);

    public static ColumnView Column(Column c, IReadOnlyList<TaskView>? tasks) => new(c.Id, c.BoardId, c.Name, c.Rank, tasks);

    public static BoardView Board(Board b) => new(b.Id, b.Name, b.Seq, null, null);
}

public sealed record DeletePayload(Guid Id, bool Success = true);
