using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>Where an item will stand in a list of siblings (the list without the item itself).</summary>
public readonly record struct Slot(int Count, int Position);

/// <summary>
/// Turns the contract's 0-based <c>index</c> into a rank between the neighbours the list has
/// now. Only the placed item gets a new rank, unless its key would pass <see cref="Rank.MaxLength"/>:
/// then the whole list is respread, logged as one "reranked" event before the change's own.
/// </summary>
public static class Placement
{
    /// <summary>Resolves an index (null or past the end: the end) against a list that may hold at most <paramref name="max"/> items.</summary>
    public static async Task<Slot> SlotAsync<T>(IQueryable<T> siblings, int? index, int max, string field, CancellationToken ct)
        where T : class, IRanked
        => SlotOf(await siblings.CountAsync(ct), index, max, field);

    /// <summary>Resolves an index against a list of <paramref name="count"/> siblings.</summary>
    public static Slot SlotOf(int count, int? index, int max, string field)
    {
        if (count >= max)
            throw RefusalException.Validation(field, $"This list is full: it holds at most {max} items.");
        return new Slot(count, Math.Min(index ?? count, count));
    }

    /// <summary>The position an item of rank <paramref name="rank"/> has now among its siblings.</summary>
    public static Task<int> PositionOfAsync<T>(IQueryable<T> siblings, string rank, CancellationToken ct)
        where T : class, IRanked =>
        siblings.CountAsync(s => string.Compare(s.Rank, rank) < 0, ct);

    public static Task<string> RankAtAsync<T, TReranked>(
        this BoardChange change, IQueryable<T> siblings, Slot slot,
        Func<IReadOnlyList<T>, TReranked> reranked, CancellationToken ct)
        where T : class, IRanked where TReranked : IBoardEvent =>
        change.RankAtAsync(siblings, slot,
            (skip, take) => siblings.OrderBy(s => s.Rank).Select(s => s.Rank).Skip(skip).Take(take).ToListAsync(ct),
            reranked, ct);

    /// <param name="ranks">The siblings' ranks in order, <c>take</c> of them from <c>skip</c>.</param>
    public static Task<string> RankAtAsync<T, TReranked>(
        this BoardChange change, IQueryable<T> siblings, Slot slot, Func<int, int, Task<List<string>>> ranks,
        Func<IReadOnlyList<T>, TReranked> reranked, CancellationToken ct)
        where T : class, IRanked where TReranked : IBoardEvent =>
        RankAtAsync(siblings, slot, ranks, all => change.Emit(reranked(all)), ct);

    /// <param name="respread">Logs the new ranks of the whole list (in order, the placed item not among them).</param>
    public static async Task<string> RankAtAsync<T>(
        IQueryable<T> siblings, Slot slot, Func<int, int, Task<List<string>>> ranks,
        Action<IReadOnlyList<T>> respread, CancellationToken ct)
        where T : class, IRanked
    {
        string? before = null, after = null;
        if (slot.Position > 0)
        {
            var around = await ranks(slot.Position - 1, 2);
            before = around[0];
            after = around.ElementAtOrDefault(1);
        }
        else if (slot.Count > 0)
        {
            after = (await ranks(0, 1))[0];
        }

        var rank = Rank.Between(before, after);
        if (rank.Length <= Rank.MaxLength)
            return rank;

        // The gap is worn out: respread the list, leaving the slot's key for the placed item.
        var all = await siblings.OrderBy(s => s.Rank).ToListAsync(ct);
        var keys = Rank.Spread(all.Count + 1);
        for (var i = 0; i < all.Count; i++)
            all[i].Rank = keys[i < slot.Position ? i : i + 1];
        respread(all);
        return keys[slot.Position];
    }
}
