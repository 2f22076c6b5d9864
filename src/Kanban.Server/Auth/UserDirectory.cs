using Kanban.Server.Boards;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Auth;

/// <summary>Users as the board shows them: ID and display name.</summary>
public sealed class UserDirectory(KanbanDb db, SnapshotCache snapshots)
{
    public async Task<UserView> ViewAsync(string userId, CancellationToken ct) =>
        (await ViewsAsync([userId], ct)).GetValueOrDefault(userId) ?? throw RefusalException.NotFound("User");

    public async Task<Dictionary<string, UserView>> ViewsAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return rows.ToDictionary(u => u.Id, u => new UserView(u.Id, AppUser.NameOf(u.DisplayName, u.Email)));
    }

    public async Task<UserView> UpdateProfileAsync(Caller caller, string? name, CancellationToken ct)
    {
        var displayName = Limits.Name(name, "name");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == caller.UserId, ct) ?? throw RefusalException.Unauthenticated();
        user.DisplayName = displayName;
        await db.SaveChangesAsync(ct);
        snapshots.ForgetAll();
        return new UserView(user.Id, displayName);
    }
}
