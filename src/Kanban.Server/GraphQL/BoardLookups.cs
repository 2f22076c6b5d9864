using Kanban.Server.Auth;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL;

/// <summary>
/// A board's labels and its members' names, read once per query: tasks name their labels and
/// assignees by ID, and resolving each task's on its own would cost a query per task. Mutations
/// read afresh, since a request may change a label and then read it.
/// </summary>
public sealed class BoardLookups(BoardReader reader)
{
    private readonly Dictionary<Guid, IReadOnlyList<LabelView>> _labels = [];
    private readonly Dictionary<Guid, Dictionary<string, UserView>> _members = [];

    public async Task<IReadOnlyList<LabelView>> LabelsAsync(TaskView task, bool fresh, CancellationToken ct)
    {
        if (fresh || !_labels.TryGetValue(task.BoardId, out var labels))
            _labels[task.BoardId] = labels = await reader.LabelsAsync(task.BoardId, ct);
        // In the board's order, as Board.labels lists them.
        return labels.Where(l => task.LabelIds.Contains(l.Id)).ToList();
    }

    public async Task<IReadOnlyList<UserView>> AssigneesAsync(TaskView task, Caller caller, bool fresh, CancellationToken ct)
    {
        if (fresh || !_members.TryGetValue(task.BoardId, out var members))
            _members[task.BoardId] = members = (await reader.MembersAsync(task.BoardId, caller, ct)).ToDictionary(m => m.User.Id, m => m.User);
        return task.AssigneeIds.Select(members.GetValueOrDefault).OfType<UserView>().ToList();
    }
}
