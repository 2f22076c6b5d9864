using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>Putting a task or column into the board's trash, and the place it gets back.</summary>
public static class Trash
{
    /// <summary>Marks the item deleted by the change's actor, noting its neighbours among <paramref name="siblings"/> (the list without it).</summary>
    public static async Task MarkAsync<T>(BoardChange change, T item, IQueryable<T> siblings, CancellationToken ct)
        where T : class, ITrashable
    {
        item.DeletedAfterId = await siblings.Where(s => string.Compare(s.Rank, item.Rank) < 0)
            .OrderByDescending(s => s.Rank).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        item.DeletedBeforeId = await siblings.Where(s => string.Compare(s.Rank, item.Rank) > 0)
            .OrderBy(s => s.Rank).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        item.DeletedAt = change.Now;
        item.DeletedById = change.Actor.Id;
    }

    /// <summary>Takes the item out of the trash (its new place is the caller's to set).</summary>
    public static void Unmark(ITrashable item)
    {
        item.DeletedAt = null;
        item.DeletedById = null;
        item.DeletedAfterId = null;
        item.DeletedBeforeId = null;
    }

    /// <summary>
    /// Where a restored item goes among <paramref name="siblings"/> (the live list it returns to):
    /// between its old neighbours when both are still there and still adjacent (an open end counts
    /// as a neighbour that stays), else at the end. <paramref name="sameList"/> is false when it
    /// returns to another list than the one it left (its column is gone): the end.
    /// </summary>
    public static async Task<Slot> SlotAsync<T>(IQueryable<T> siblings, T item, bool sameList, int max, string field, CancellationToken ct)
        where T : class, ITrashable
    {
        var count = await siblings.CountAsync(ct);
        var position = count;
        if (sameList)
        {
            var after = item.DeletedAfterId is { } a ? await PositionAsync(siblings, a, ct) : -1;
            var before = item.DeletedBeforeId is { } b ? await PositionAsync(siblings, b, ct) : count;
            if (after is not null && before is not null && before == after + 1)
                position = before.Value;
        }
        return Placement.SlotOf(count, position, max, field);
    }

    /// <summary>The live sibling's position, or null when it is no longer in the list.</summary>
    private static async Task<int?> PositionAsync<T>(IQueryable<T> siblings, Guid id, CancellationToken ct)
        where T : class, ITrashable
    {
        var rank = await siblings.Where(s => s.Id == id).Select(s => s.Rank).SingleOrDefaultAsync(ct);
        return rank is null ? null : await Placement.PositionOfAsync(siblings, rank, ct);
    }
}
