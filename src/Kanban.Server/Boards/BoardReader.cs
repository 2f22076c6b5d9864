using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>Reads boards for their members: whole snapshots, or single lists on demand.</summary>
public sealed class BoardReader(KanbanDb db, UserDirectory users, SnapshotCache snapshots, WriteConnection commands)
{
    public async Task<IReadOnlyList<BoardView>> ListAsync(Caller caller, CancellationToken ct)
    {
        var boards = await db.Members.AsNoTracking().Where(m => m.UserId == caller.UserId)
            .Join(db.Boards, m => m.BoardId, b => b.Id, (m, b) => b).ToListAsync(ct);
        return boards.OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.Id).Select(ViewOf.Board).ToList();
    }

    public async Task<BoardRole?> RoleAsync(Guid boardId, Caller caller, CancellationToken ct) =>
        await db.Members.Where(m => m.BoardId == boardId && m.UserId == caller.UserId)
            .Select(m => (BoardRole?)m.Role).SingleOrDefaultAsync(ct);

    /// <summary>Throws NOT_FOUND when the board does not exist and FORBIDDEN when the caller is no member.</summary>
    public async Task EnsureMemberAsync(Guid boardId, Caller caller, CancellationToken ct)
    {
        if (await RoleAsync(boardId, caller, ct) is not null)
            return;
        throw await db.Boards.AnyAsync(b => b.Id == boardId, ct) ? RefusalException.Forbidden() : RefusalException.NotFound("Board");
    }

    public Task<bool> HasTaskAsync(Guid boardId, Guid taskId, CancellationToken ct) =>
        db.Tasks.AnyAsync(t => t.Id == taskId && t.BoardId == boardId, ct);

    /// <summary>The whole board at one seq, or null when it does not exist or the caller is no member.</summary>
    public async Task<BoardView?> SnapshotAsync(Guid boardId, Caller caller, CancellationToken ct) =>
        (await KeptForAsync(boardId, caller, ct))?.View;

    /// <summary>The whole board as it is now, as kept for the caller; null when it does not exist or the caller is no member.</summary>
    public async Task<KeptBoard?> KeptForAsync(Guid boardId, Caller caller, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        if (await RoleAsync(boardId, caller, ct) is not { } role)
            return null;
        var seq = await db.Boards.Where(b => b.Id == boardId).Select(b => b.Seq).SingleAsync(ct);
        return await KeptAsync(boardId, seq, role, caller, ct);
    }

    /// <summary>
    /// The whole board at <paramref name="seq"/> as a member of <paramref name="role"/> sees it,
    /// read once per seq for all of them (<see cref="SnapshotCache"/>); call it inside a snapshot
    /// transaction that reads that seq.
    /// </summary>
    public Task<KeptBoard> KeptAsync(Guid boardId, long seq, BoardRole role, Caller caller, CancellationToken ct) =>
        snapshots.GetOrReadAsync(boardId, seq, ownerView: role == BoardRole.Owner, async earlier =>
        {
            var tasks = earlier is null ? null : await TasksSinceAsync(boardId, earlier, seq, ct);
            return (await LoadAsync(boardId, caller, tasks, ct), tasks is not null);
        });

    /// <summary>
    /// The whole board as <paramref name="viewer"/> sees it, with <paramref name="tasks"/> when
    /// they are known already; call it inside a snapshot transaction so every list matches the seq.
    /// </summary>
    private async Task<BoardView> LoadAsync(Guid boardId, Caller viewer, IEnumerable<TaskView>? tasks, CancellationToken ct)
    {
        var board = await db.Boards.AsNoTracking().SingleAsync(b => b.Id == boardId, ct);
        var columns = await ColumnViewsAsync(boardId, tasks, ct);
        return ViewOf.Board(board) with
        {
            Columns = columns,
            Members = await MembersAsync(boardId, viewer, ct),
            Labels = await LabelsAsync(boardId, ct),
        };
    }

    /// <summary>
    /// The board's tasks at <paramref name="seq"/>: those of <paramref name="earlier"/>, with the
    /// ones the events since changed read again. Null when the events do not say which tasks they
    /// changed (<see cref="ChangedTasks"/>) or the log no longer has them all.
    /// </summary>
    private async Task<IEnumerable<TaskView>?> TasksSinceAsync(Guid boardId, KeptBoard earlier, long seq, CancellationToken ct)
    {
        if (seq - earlier.Seq > ChangedTasks.MaxEvents)
            return null;
        var events = await db.Events.AsNoTracking().Where(e => e.BoardId == boardId && e.Seq > earlier.Seq && e.Seq <= seq).ToListAsync(ct);
        if (events.Count != seq - earlier.Seq || ChangedTasks.Of(events) is not { } changed)
            return null;
        var ids = changed.ToList();
        var fresh = ids.Count == 0 ? [] : await TaskViewsAsync(db.Tasks.Where(t => t.BoardId == boardId && ids.Contains(t.Id)), ct);
        return earlier.View.Columns!.SelectMany(c => c.Tasks!).Where(t => !changed.Contains(t.Id)).Concat(fresh);
    }

    public async Task<IReadOnlyList<ColumnView>> ColumnsAsync(Guid boardId, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        return await ColumnViewsAsync(boardId, null, ct);
    }

    public async Task<IReadOnlyList<TaskView>> TasksAsync(Guid columnId, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        return await TaskViewsAsync(db.Tasks.Where(t => t.ColumnId == columnId), ct);
    }

    /// <summary>
    /// Task rows as the contract shows them, in the order given: a page of them (task, myTasks,
    /// searchTasks), with their creators and parts loaded for all of them at once.
    /// </summary>
    public async Task<IReadOnlyList<TaskView>> TaskViewsAsync(IReadOnlyList<BoardTask> tasks, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        return await ViewsAsync(tasks, db.Tasks.Where(t => ids.Contains(t.Id)), ct);
    }

    public async Task<IReadOnlyList<LabelView>> LabelsAsync(Guid boardId, CancellationToken ct) =>
        ViewOf.Labels(await db.Labels.AsNoTracking().Where(l => l.BoardId == boardId).ToListAsync(ct));

    /// <summary>The members as <paramref name="viewer"/> sees them: emails only when the viewer is one of the owners.</summary>
    public async Task<IReadOnlyList<MemberView>> MembersAsync(Guid boardId, Caller viewer, CancellationToken ct)
    {
        var rows = await db.Members.AsNoTracking().Where(m => m.BoardId == boardId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Id, u.DisplayName, u.Email })
            .ToListAsync(ct);
        // The viewer's own role is among the rows: no second query.
        var owner = rows.Any(r => r.Id == viewer.UserId && r.Role == BoardRole.Owner);
        return rows.Select(r => new MemberView(new UserView(r.Id, AppUser.NameOf(r.DisplayName, r.Email)), r.Role, owner ? r.Email : null))
            .OrderByDescending(m => m.Role).ThenBy(m => m.User.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The board's columns with their tasks: <paramref name="tasks"/> when known already, else all read.</summary>
    private async Task<IReadOnlyList<ColumnView>> ColumnViewsAsync(Guid boardId, IEnumerable<TaskView>? tasks, CancellationToken ct)
    {
        var columns = await db.Columns.AsNoTracking().Where(c => c.BoardId == boardId).ToListAsync(ct);
        var byColumn = (tasks ?? await BoardTasksAsync(boardId, ct)).OrderBy(t => t.Rank, StringComparer.Ordinal).ToLookup(t => t.ColumnId);
        return Ordered(columns).Select(c => ViewOf.Column(c, byColumn[c.Id].ToList())).ToList();
    }

    /// <summary>Every task of the board that is not in the trash, with its parts.</summary>
    private async Task<IReadOnlyList<TaskView>> BoardTasksAsync(Guid boardId, CancellationToken ct) =>
        await ViewsAsync(await db.Tasks.AsNoTracking().Where(t => t.BoardId == boardId).ToListAsync(ct),
            await TaskParts.OfBoardAsync(db, commands, boardId, ct), ct);

    /// <summary>The tasks <paramref name="query"/> selects, in rank order, with their creators and parts: five queries in all, however many tasks.</summary>
    private async Task<IReadOnlyList<TaskView>> TaskViewsAsync(IQueryable<BoardTask> query, CancellationToken ct) =>
        await ViewsAsync(Ordered(await query.AsNoTracking().ToListAsync(ct)).ToList(), query, ct);

    /// <summary><paramref name="tasks"/> as views; <paramref name="sameTasks"/> selects the same rows, to load their parts with joins.</summary>
    private async Task<IReadOnlyList<TaskView>> ViewsAsync(IReadOnlyList<BoardTask> tasks, IQueryable<BoardTask> sameTasks, CancellationToken ct) =>
        await ViewsAsync(tasks, await TaskParts.OfAsync(db, sameTasks, ct), ct);

    /// <summary><paramref name="tasks"/> as views, with their creators and the given parts.</summary>
    private async Task<IReadOnlyList<TaskView>> ViewsAsync(IReadOnlyList<BoardTask> tasks, Func<Guid, TaskParts> parts, CancellationToken ct)
    {
        var creators = await users.ViewsAsync(tasks.Select(t => t.CreatedById), ct);
        return tasks.Select(t => ViewOf.Task(t, creators[t.CreatedById], parts(t.Id))).ToList();
    }

    // Order is the ordinal order of rank, and nothing else.
    private static IEnumerable<T> Ordered<T>(IEnumerable<T> items) where T : IRanked =>
        items.OrderBy(i => i.Rank, StringComparer.Ordinal);
}
