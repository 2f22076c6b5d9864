using System.Collections.Frozen;
using System.Text.Json;
using Kanban.Server.Events;

namespace Kanban.Server.Boards;

/// <summary>
/// Which tasks a run of logged events changed, read from the events themselves: what a board kept
/// at the seq before them needs to read again to be the board after them. The board's own row,
/// columns, labels and members are small and always read again, so events that change only
/// those name no task.
///
/// An event not listed here changes tasks it does not name (a column's delete takes its tasks,
/// a label's delete or a member's removal comes off every task, a column's restore brings its
/// tasks back), and so does any event added later until it is listed: then the whole board is read.
/// </summary>
public static class ChangedTasks
{
    /// <summary>Beyond this many events since the kept board, reading the whole board is as quick.</summary>
    public const int MaxEvents = 200;

    private enum Names { None, TaskId, TaskObject, Ranks }

    private static readonly FrozenDictionary<string, Names> TasksNamed = new Dictionary<string, Names>
    {
        [TaskCreated.Name] = Names.TaskObject,
        [TaskRestored.Name] = Names.TaskObject,
        [TaskUpdated.Name] = Names.TaskId,
        [TaskMoved.Name] = Names.TaskId,
        [TaskDeleted.Name] = Names.TaskId,
        [TasksReranked.Name] = Names.Ranks,
        [ChecklistItemCreated.Name] = Names.TaskId,
        [ChecklistItemUpdated.Name] = Names.TaskId,
        [ChecklistItemMoved.Name] = Names.TaskId,
        [ChecklistItemDeleted.Name] = Names.TaskId,
        [CommentCreated.Name] = Names.TaskId, // the task's commentCount
        [CommentUpdated.Name] = Names.TaskId,
        [CommentDeleted.Name] = Names.TaskId,
        [ColumnCreated.Name] = Names.None,
        [ColumnUpdated.Name] = Names.None,
        [ColumnMoved.Name] = Names.None,
        [ColumnsReranked.Name] = Names.None,
        [BoardUpdated.Name] = Names.None,
        [LabelCreated.Name] = Names.None,
        [LabelUpdated.Name] = Names.None, // tasks hold label IDs only
        [MemberAdded.Name] = Names.None,
    }.ToFrozenDictionary();

    /// <summary>The IDs of the tasks <paramref name="events"/> changed, or null when they may have changed others too.</summary>
    public static IReadOnlySet<Guid>? Of(IReadOnlyList<BoardEvent> events)
    {
        var tasks = new HashSet<Guid>();
        foreach (var e in events)
        {
            if (!TasksNamed.TryGetValue(e.Type, out var names))
                return null;
            if (names == Names.None)
                continue;
            using var payload = JsonDocument.Parse(e.Payload);
            var root = payload.RootElement;
            switch (names)
            {
                case Names.TaskId:
                    tasks.Add(root.GetProperty("taskId").GetGuid());
                    break;
                case Names.TaskObject:
                    tasks.Add(root.GetProperty("task").GetProperty("id").GetGuid());
                    break;
                case Names.Ranks:
                    foreach (var rank in root.GetProperty("ranks").EnumerateArray())
                        tasks.Add(rank.GetProperty("taskId").GetGuid());
                    break;
            }
        }
        return tasks;
    }
}
