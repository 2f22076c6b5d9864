using System.Globalization;
using Kanban.Server.Boards;

namespace Kanban.Server.History;

/// <summary>
/// The wording of the history: one sentence per change, after the actor's name, naming the items
/// in curly quotes. An event that carries everything its sentence needs is told by <see cref="Of"/>
/// (a new such event is one case there); the others are told by the change that emits them, from
/// rows it has already loaded, through the other methods here.
/// </summary>
public static class Notes
{
    /// <summary>The note of an event that tells itself; null for the reranks, which have no entry.</summary>
    public static Note? Of<TEvent>(TEvent e) where TEvent : IBoardEvent => e switch
    {
        TasksReranked or ColumnsReranked => null,
        ColumnCreated c => new Note($"added the column {Q(c.Column.Name)}")
        {
            ColumnId = c.Column.Id, After = new { name = c.Column.Name },
        },
        ColumnUpdated c => new Note($"renamed the column {Q(c.Before.Name)} to {Q(c.Updates.Name)}")
        {
            ColumnId = c.ColumnId, Before = c.Before, After = c.Updates,
        },
        BoardUpdated b => new Note($"renamed the board {Q(b.Before.Name)} to {Q(b.Updates.Name)}") { Before = b.Before, After = b.Updates },
        BoardDeleted => new Note("deleted the board"),
        LabelCreated l => new Note($"created the label {Q(l.Label.Name)}") { After = new { name = l.Label.Name, color = l.Label.Color } },
        // A restore keeps the task's version, so its entry has none (changedBy reads versions).
        TaskRestored r => new Note($"restored {Q(r.Task.Title)} from the trash")
        {
            TaskId = r.Task.Id, ColumnId = r.Task.ColumnId,
            After = new TaskFields { Title = r.Task.Title, Description = r.Task.Description },
        },
        ColumnRestored r => new Note($"restored the column {Q(r.Column.Name)}"
                                     + (r.Column.Tasks is { Count: > 0 and var n } ? $" and its {n} {Plural("task", n)}" : "") + " from the trash")
        {
            ColumnId = r.Column.Id, After = new { name = r.Column.Name },
        },
        _ => throw new InvalidOperationException($"{TEvent.Name} needs a history note from the change that emits it."),
    };

    public static Note TaskCreated(TaskView task, string columnName) => new($"created {Q(task.Title)} in {Q(columnName)}")
    {
        TaskId = task.Id, ColumnId = task.ColumnId, TaskVersion = task.Version,
        After = new TaskFields { Title = task.Title, Description = task.Description },
    };

    /// <param name="title">The task's title before the update.</param>
    /// <param name="names">The names of the labels and people the update added or removed, by ID.</param>
    public static Note TaskUpdated(TaskUpdated e, string title, Guid columnId, IReadOnlyDictionary<string, string> names)
    {
        var (now, before) = (e.Updates, e.Before);
        var current = now.Title ?? title;
        var changed = new List<string>();
        if (now.Title is not null) changed.Add("title");
        if (now.Description is not null) changed.Add("description");
        if (now.DueDate is not null) changed.Add("due date");
        if (now.LabelIds is not null) changed.Add("labels");
        if (now.AssigneeIds is not null) changed.Add("assignees");

        var what = changed.Count != 1 ? $"changed the {List(changed)} of {Q(current)}" : changed[0] switch
        {
            "title" => $"renamed {Q(title)} to {Q(current)}",
            "description" => $"changed the description of {Q(current)}",
            "due date" => now.DueDate!.Value is { } date
                ? $"set the due date of {Q(current)} to {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                : $"removed the due date of {Q(current)}",
            "labels" => SetChange(before.LabelIds!.Select(id => id.ToString()), now.LabelIds!.Select(id => id.ToString()), names, current,
                added => $"added the {Plural("label", added)} {List(added.Select(Q))} to",
                removed => $"removed the {Plural("label", removed)} {List(removed.Select(Q))} from",
                "labels"),
            _ => SetChange(before.AssigneeIds!, now.AssigneeIds!, names, current,
                added => $"assigned {List(added)} to",
                removed => $"unassigned {List(removed)} from",
                "assignees"),
        };
        return new Note(what)
        {
            TaskId = e.TaskId, ColumnId = columnId, TaskVersion = e.Version, Before = before,
            After = new TaskFields { Title = now.Title, Description = now.Description, DueDate = now.DueDate, LabelIds = now.LabelIds, AssigneeIds = now.AssigneeIds },
        };
    }

    public static Note TaskMoved(TaskMoved e, string title, string fromColumn, string toColumn) =>
        new(e.FromColumn == e.ToColumn ? $"moved {Q(title)} within {Q(toColumn)}" : $"moved {Q(title)} from {Q(fromColumn)} to {Q(toColumn)}")
        {
            TaskId = e.TaskId, ColumnId = e.ToColumn, TaskVersion = e.Version,
            Before = new { columnId = e.FromColumn, position = e.FromPosition },
            After = new { columnId = e.ToColumn, position = e.Position },
        };

    public static Note TaskDeleted(BoardTask task) => new($"deleted {Q(task.Title)}")
    {
        TaskId = task.Id, ColumnId = task.ColumnId, Before = new TaskFields { Title = task.Title, Description = task.Description },
    };

    public static Note ColumnMoved(ColumnMoved e, string name) => new($"moved the column {Q(name)}")
    {
        ColumnId = e.ColumnId, Before = new { position = e.FromPosition }, After = new { position = e.Position },
    };

    public static Note ColumnDeleted(Column column, int taskCount) =>
        new($"deleted the column {Q(column.Name)}" + (taskCount > 0 ? $" and its {taskCount} {Plural("task", taskCount)}" : ""))
        {
            ColumnId = column.Id, Before = new { name = column.Name },
        };

    /// <param name="oldRole">The role the person had; null when they just joined.</param>
    public static Note MemberAdded(MemberView member, BoardRole? oldRole) =>
        new(oldRole is null
            ? $"added {member.User.Name} to the board as {Role(member.Role)}"
            : $"made {member.User.Name} {Role(member.Role)}")
        {
            Before = oldRole is { } old ? new { role = old } : null, After = new { role = member.Role },
        };

    public static Note MemberRemoved(UserView removed, BoardRole role, bool left) =>
        new(left ? "left the board" : $"removed {removed.Name} from the board") { Before = new { role } };

    public static Note LabelUpdated(LabelUpdated e, string oldName, LabelColor oldColor)
    {
        var (name, color) = (e.Updates.Name, e.Updates.Color);
        var what = name is null
            ? $"changed the colour of the label {Q(oldName)} to {Colour(color!.Value)}"
            : $"renamed the label {Q(oldName)} to {Q(name)}" + (color is { } c ? $" and changed its colour to {Colour(c)}" : "");
        return new Note(what)
        {
            Before = new LabelChanges(name is null ? null : oldName, color is null ? null : oldColor), After = e.Updates,
        };
    }

    public static Note LabelDeleted(Label label) => new($"deleted the label {Q(label.Name)}")
    {
        Before = new { name = label.Name, color = label.Color },
    };

    public static Note ChecklistItemCreated(ChecklistItemView item, string taskTitle) =>
        new($"added {Q(item.Text)} to the checklist of {Q(taskTitle)}") { TaskId = item.TaskId, After = new { text = item.Text } };

    public static Note ChecklistItemUpdated(ChecklistItemUpdated e, string oldText, string taskTitle)
    {
        var (text, done) = (e.Updates.Text, e.Updates.Done);
        var tick = done is { } d ? (d ? "ticked" : "unticked") : null;
        var what = text is null
            ? $"{tick} {Q(oldText)} in the checklist of {Q(taskTitle)}"
            : $"changed {Q(oldText)} to {Q(text)}" + (tick is null ? "" : $" and {tick} it") + $" in the checklist of {Q(taskTitle)}";
        return new Note(what)
        {
            TaskId = e.TaskId,
            Before = new ChecklistItemChanges(text is null ? null : oldText, done is null ? null : !done), After = e.Updates,
        };
    }

    /// <param name="fromPosition">Where the item was; null when the checklist was only renumbered (its order unchanged).</param>
    public static Note ChecklistItemMoved(ChecklistItemMoved e, string text, string taskTitle, int? fromPosition) =>
        new(fromPosition is null
            ? $"renumbered the checklist of {Q(taskTitle)}"
            : $"moved {Q(text)} in the checklist of {Q(taskTitle)}")
        {
            TaskId = e.TaskId, Before = fromPosition is { } from ? new { position = from } : null, After = new { position = e.Position },
        };

    public static Note ChecklistItemDeleted(ChecklistItem item, string taskTitle) =>
        new($"removed {Q(item.Text)} from the checklist of {Q(taskTitle)}")
        {
            TaskId = item.TaskId, Before = new { text = item.Text, done = item.Done },
        };

    public static Note CommentCreated(Guid taskId, string taskTitle) => new($"commented on {Q(taskTitle)}") { TaskId = taskId };

    public static Note CommentUpdated(Guid taskId, string taskTitle) => new($"edited a comment on {Q(taskTitle)}") { TaskId = taskId };

    public static Note CommentDeleted(Guid taskId, string taskTitle) => new($"deleted a comment on {Q(taskTitle)}") { TaskId = taskId };

    /// <summary>A name as the history quotes it.</summary>
    public static string Q(string name) => $"“{name}”";

    private static string SetChange(
        IEnumerable<string> before, IEnumerable<string> after, IReadOnlyDictionary<string, string> names, string title,
        Func<IReadOnlyList<string>, string> added, Func<IReadOnlyList<string>, string> removed, string what)
    {
        var (was, now) = (before.ToHashSet(), after.ToHashSet());
        var adds = now.Except(was).Select(id => names.GetValueOrDefault(id, "someone")).ToList();
        var removes = was.Except(now).Select(id => names.GetValueOrDefault(id, "someone")).ToList();
        return (adds.Count, removes.Count) switch
        {
            (> 0, 0) => $"{added(adds)} {Q(title)}",
            (0, > 0) => $"{removed(removes)} {Q(title)}",
            _ => $"changed the {what} of {Q(title)}",
        };
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Join("", all) : $"{string.Join(", ", all.SkipLast(1))} and {all[^1]}";
    }

    private static string Plural(string noun, IReadOnlyCollection<string> items) => Plural(noun, items.Count);

    private static string Plural(string noun, int count) => count == 1 ? noun : noun + "s";

    private static string Role(BoardRole role) => role switch
    {
        BoardRole.Owner => "an owner",
        BoardRole.Editor => "an editor",
        _ => "a viewer",
    };

    private static string Colour(LabelColor color) => color.ToString().ToLowerInvariant();
}
