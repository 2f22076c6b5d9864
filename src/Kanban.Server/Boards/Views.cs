namespace Kanban.Server.Boards;

/// <summary>
/// The contract's views (Kanban.Contract) of the stored rows. The views themselves are shared
/// with clients; how they are made from rows is the server's business.
/// </summary>
public static class ViewOf
{
    public static TaskView Task(BoardTask t, UserView createdBy, TaskParts parts) => new(
        t.Id, t.BoardId, t.ColumnId, t.Title, t.Description, t.Rank, t.Version,
        t.CreatedAt.UtcDateTime, t.UpdatedAt.UtcDateTime, createdBy,
        t.DueDate, parts.LabelIds, parts.AssigneeIds, parts.Checklist, t.CommentCount);

    public static ColumnView Column(Column c, IReadOnlyList<TaskView>? tasks) => new(c.Id, c.BoardId, c.Name, c.Rank, tasks);

    public static BoardView Board(Board b) => new(b.Id, b.Name, b.Seq, null, null, null);

    public static LabelView Label(Label l) => new(l.Id, l.BoardId, l.Name, l.Color);

    public static ChecklistItemView ChecklistItem(ChecklistItem i) => new(i.Id, i.TaskId, i.Text, i.Done, i.Rank);

    public static CommentView Comment(Comment c, UserView author) =>
        new(c.Id, c.TaskId, author, c.Body, c.CreatedAt.UtcDateTime, c.EditedAt?.UtcDateTime);

    /// <summary>A board's labels in the order every client shows them: by name ignoring case, then ID.</summary>
    public static IReadOnlyList<LabelView> Labels(IEnumerable<Label> labels) => labels
        .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Id.ToString(), StringComparer.Ordinal)
        .Select(Label).ToList();
}

public sealed record DeletePayload(Guid Id, bool Success = true);
