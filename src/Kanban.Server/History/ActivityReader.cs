using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kanban.Server.History;

public sealed record ActivityPage(IReadOnlyList<Activity> Items, bool HasMore);

/// <summary>
/// Reads the history, newest first, each page one range read of an index. Entries older than
/// HISTORY_DAYS are never read, whether or not pruning has deleted them yet.
/// </summary>
public sealed class ActivityReader(KanbanDb db, BoardReader boards, IOptions<KanbanOptions> options, TimeProvider clock)
{
    private int _taskReads;

    /// <param name="before">Only entries with a seq below it (paging down).</param>
    /// <param name="after">Only entries with a seq above it (what is new since a client's newest).</param>
    public async Task<ActivityPage> BoardAsync(Guid boardId, Caller caller, long? before, long? after, int first, CancellationToken ct)
    {
        CheckFirst(first);
        await boards.EnsureMemberAsync(boardId, caller, ct);
        var entries = db.Activities.AsNoTracking().Where(a => a.BoardId == boardId);
        if (before is { } b)
            entries = entries.Where(a => a.Seq < b);
        if (after is { } n)
            entries = entries.Where(a => a.Seq > n);
        var rows = await entries.OrderByDescending(a => a.Seq).Take(first + 1).ToListAsync(ct);
        // HISTORY_DAYS is applied here, not in SQL: with a time filter SQLite reads the pruning
        // index (BoardId, At) and sorts the board's whole history. Entries come in time order, so
        // the ones too old to show are the tail of a page.
        var since = Since();
        var recent = rows.TakeWhile(a => a.At >= since).ToList();
        return new ActivityPage(recent.Take(first).ToList(), recent.Count > first);
    }

    /// <summary>
    /// A task's entries (its caller has already been let see the task). One query per task, so a
    /// request reads at most <see cref="Limits.ActivityTasksPerRequest"/> tasks' history.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> TaskAsync(Guid taskId, int first, CancellationToken ct)
    {
        CheckFirst(first);
        if (++_taskReads > Limits.ActivityTasksPerRequest)
            throw RefusalException.Validation("activity", $"A request reads the activity of at most {Limits.ActivityTasksPerRequest} tasks.");
        return await Recent().Where(a => a.TaskId == taskId).OrderByDescending(a => a.Seq).Take(first).ToListAsync(ct);
    }

    /// <summary>Who made the task's change that left it at <paramref name="version"/>; null when the history no longer tells.</summary>
    public Task<UserView?> ChangedByAsync(Guid taskId, int version, CancellationToken ct) =>
        Recent().Where(a => a.TaskId == taskId && a.TaskVersion == version)
            .Select(a => new UserView(a.ActorId, a.ActorName)).FirstOrDefaultAsync(ct);

    private IQueryable<Activity> Recent()
    {
        var since = Since();
        return db.Activities.AsNoTracking().Where(a => a.At >= since);
    }

    private DateTimeOffset Since() => clock.GetUtcNow() - TimeSpan.FromDays(options.Value.HistoryDays);

    private static void CheckFirst(int first)
    {
        if (first is < 1 or > Limits.MaxActivityPage)
            throw RefusalException.Validation("first", $"first must be 1 to {Limits.MaxActivityPage}.");
    }
}
