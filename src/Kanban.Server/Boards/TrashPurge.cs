using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Boards;

/// <summary>
/// Empties trash older than TRASH_DAYS, for good: once when the server starts, then every hour
/// (on the injected clock). The rows go with their labels, assignees, checklists and comments,
/// and their IDs are retired, so no create can take one again.
/// Each board's share is purged under that board's write lock, a batch per transaction: so a
/// purge never meets a restore or a delete of the same board halfway, and servers purging at the
/// same time take turns on a board, the later one finding nothing left to do.
/// </summary>
public sealed class TrashPurge(IServiceScopeFactory scopes, TimeProvider clock, IOptions<KanbanOptions> options, ILogger<TrashPurge> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per transaction, so a large purge never holds a board's lock for long.</summary>
    private const int Batch = 500;

    private const int BoardsPerRound = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                    logger.LogInformation("Purged {Count} tasks and columns trashed more than {Days} days ago", purged, options.Value.TrashDays);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not purge old trash; trying again in {Minutes} min", Every.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Purges everything trashed before the cutoff; answers how many items went.</summary>
    private async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.TrashDays);
        var purged = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KanbanDb>();
            var writer = scope.ServiceProvider.GetRequiredService<BoardWriter>();
            var boards = await db.Tasks.IgnoreQueryFilters().Where(t => t.DeletedAt < cutoff).Select(t => t.BoardId)
                .Union(db.Columns.IgnoreQueryFilters().Where(c => c.DeletedAt < cutoff).Select(c => c.BoardId))
                .OrderBy(id => id).Take(BoardsPerRound).ToListAsync(ct);
            var before = purged;
            foreach (var board in boards)
                await writer.MaintainAsync(board, async () => purged += await PurgeBatchAsync(db, board, cutoff, ct), ct);
            // Nothing left, or only what must wait (an old column holding a task trashed later, by a
            // server whose clock ran ahead): the next hour tries again.
            if (purged == before)
                return purged;
        }
    }

    /// <summary>
    /// Up to <see cref="Batch"/> old tasks of the board, then its old columns once no task is left in
    /// them. Every task of an old column is old itself (it went with the column or before it, and a
    /// trashed column holds no live task), so no column delete ever cascades to a task unretired.
    /// </summary>
    private static async Task<int> PurgeBatchAsync(KanbanDb db, Guid boardId, DateTimeOffset cutoff, CancellationToken ct)
    {
        var tasks = await db.Tasks.IgnoreQueryFilters().Where(t => t.BoardId == boardId && t.DeletedAt < cutoff)
            .OrderBy(t => t.Id).Select(t => t.Id).Take(Batch).ToListAsync(ct);
        var columns = tasks.Count == Batch ? [] : await db.Columns.IgnoreQueryFilters()
            .Where(c => c.BoardId == boardId && c.DeletedAt < cutoff
                && !db.Tasks.IgnoreQueryFilters().Any(t => t.ColumnId == c.Id && !tasks.Contains(t.Id)))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(Batch - tasks.Count).ToListAsync(ct);

        var ids = tasks.Concat(columns).ToList();
        // Under the board's lock nothing else retires these; one retired already (by an older
        // server's hard delete, say) is simply kept.
        var retired = await db.RetiredIds.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        db.RetiredIds.AddRange(ids.Except(retired).Select(id => new RetiredId { Id = id }));
        await db.Tasks.IgnoreQueryFilters().Where(t => tasks.Contains(t.Id)).ExecuteDeleteAsync(ct);
        await db.Columns.IgnoreQueryFilters().Where(c => columns.Contains(c.Id)).ExecuteDeleteAsync(ct);
        return ids.Count;
    }
}
