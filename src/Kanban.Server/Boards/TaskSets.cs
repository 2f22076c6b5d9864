using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>IDs to add to a set and IDs to take out of it, as an update asks.</summary>
public sealed record SetDelta(IReadOnlyList<Guid> Add, IReadOnlyList<Guid> Remove, string AddField)
{
    public bool IsEmpty => Add.Count == 0 && Remove.Count == 0;

    public static SetDelta Of(IEnumerable<string>? add, IEnumerable<string>? remove, string addField, string removeField)
    {
        var delta = new SetDelta(Limits.Ids(add, addField), Limits.Ids(remove, removeField), addField);
        return delta.Add.Intersect(delta.Remove).Any()
            ? throw RefusalException.Validation(removeField, $"An ID is in both {addField} and {removeField}.")
            : delta;
    }
}

/// <summary>
/// A task's labels and assignees, changed by adding and removing rows, never by rewriting a list:
/// two people adding at once both win. Adding what is there or removing what is not changes
/// nothing, and removing an ID the board no longer knows (a label deleted, a member gone
/// meanwhile) is such a removal. Each returns the whole new list, or null when nothing changed.
/// </summary>
public static class TaskSets
{
    public static async Task<IReadOnlyList<Guid>?> LabelsAsync(
        KanbanDb db, BoardTask task, IReadOnlyList<Guid> current, SetDelta delta, CancellationToken ct)
    {
        if (delta.IsEmpty)
            return null;
        var adds = delta.Add.Except(current).ToList();
        if (adds.Count > 0 && await db.Labels.CountAsync(l => l.BoardId == task.BoardId && adds.Contains(l.Id), ct) != adds.Count)
            throw RefusalException.Validation(delta.AddField, "Every label must be one of the board's labels.");
        var removes = delta.Remove.Intersect(current).ToList();
        if (adds.Count == 0 && removes.Count == 0)
            return null;

        db.TaskLabels.AddRange(adds.Select(l => new TaskLabel { TaskId = task.Id, LabelId = l }));
        db.TaskLabels.RemoveRange(removes.Select(l => new TaskLabel { TaskId = task.Id, LabelId = l }));
        return TaskParts.Ids(current.Except(removes).Concat(adds));
    }

    public static async Task<IReadOnlyList<string>?> AssigneesAsync(
        KanbanDb db, BoardTask task, IReadOnlyList<string> current, SetDelta delta, CancellationToken ct)
    {
        if (delta.IsEmpty)
            return null;
        // Identity keeps user IDs as lower-case UUID strings, which is how Guid prints.
        var adds = delta.Add.Select(id => id.ToString()).Except(current).ToList();
        if (adds.Count > 0 && await db.Members.CountAsync(m => m.BoardId == task.BoardId && adds.Contains(m.UserId), ct) != adds.Count)
            throw RefusalException.Validation(delta.AddField, "Every assignee must be a member of the board.");
        var removes = delta.Remove.Select(id => id.ToString()).Intersect(current).ToList();
        if (adds.Count == 0 && removes.Count == 0)
            return null;
        if (current.Count - removes.Count + adds.Count > Limits.AssigneesPerTask)
            throw RefusalException.Validation(delta.AddField, $"A task has at most {Limits.AssigneesPerTask} assignees.");

        db.TaskAssignees.AddRange(adds.Select(u => new TaskAssignee { TaskId = task.Id, UserId = u, BoardId = task.BoardId }));
        db.TaskAssignees.RemoveRange(removes.Select(u => new TaskAssignee { TaskId = task.Id, UserId = u, BoardId = task.BoardId }));
        return TaskParts.Ids(current.Except(removes).Concat(adds));
    }
}
