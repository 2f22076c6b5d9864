using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.History;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>
/// Board membership: OWNERs manage it; anyone may leave. A board always keeps an OWNER. A member who
/// goes is taken off the board's tasks as part of the same change.
/// </summary>
public sealed class MemberCommands(KanbanDb db, BoardWriter writer, ILookupNormalizer normalizer, UserDirectory users)
{
    /// <summary>Adds a member, or changes the role of one who is already there.</summary>
    public async Task<MemberView> AddAsync(Caller caller, string boardId, string email, BoardRole role, CancellationToken ct)
    {
        var id = Limits.Id(boardId, "boardId");
        var normalized = normalizer.NormalizeEmail(email?.Trim() ?? "");
        if (string.IsNullOrEmpty(normalized) || normalized.Length > 256)
            throw RefusalException.Validation("email", "email must be an email address.");

        return await writer.WriteAsync(id, caller, BoardRole.Owner, async change =>
        {
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
                .Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(ct)
                ?? throw RefusalException.NotFound("User");
            var member = new MemberView(new UserView(user.Id, AppUser.NameOf(user.DisplayName, user.Email)), role, user.Email);

            var existing = await db.Members.SingleOrDefaultAsync(m => m.BoardId == id && m.UserId == user.Id, ct);
            if (existing?.Role == role)
                return member;
            var oldRole = existing?.Role;
            if (existing is null)
                db.Members.Add(new Member { BoardId = id, UserId = user.Id, Role = role });
            else
            {
                if (existing.Role == BoardRole.Owner)
                    await EnsureAnotherOwnerAsync(id, user.Id, ct);
                existing.Role = role;
            }
            change.Emit(new MemberAdded(member.WithoutEmail()), Notes.MemberAdded(member, oldRole)); // every member hears it
            return member;
        }, ct);
    }

    public async Task<DeletePayload> RemoveAsync(Caller caller, string boardId, string userId, CancellationToken ct)
    {
        var id = Limits.Id(boardId, "boardId");
        var removed = Limits.Id(userId, "userId");
        userId = removed.ToString(); // Identity keeps user IDs as lower-case UUID strings

        return await writer.WriteAsync(id, caller, BoardRole.Viewer, async change =>
        {
            if (userId != caller.UserId && change.Role != BoardRole.Owner)
                throw RefusalException.Forbidden("Only an OWNER removes other members.");
            var member = await db.Members.SingleOrDefaultAsync(m => m.BoardId == id && m.UserId == userId, ct)
                ?? throw RefusalException.NotFound("Member");
            if (member.Role == BoardRole.Owner)
                await EnsureAnotherOwnerAsync(id, userId, ct);
            db.Members.Remove(member);
            // Off every task of the board in this same change: clients do the same on member:removed.
            await db.TaskAssignees.Where(a => a.BoardId == id && a.UserId == userId).ExecuteDeleteAsync(ct);
            change.Emit(new MemberRemoved(userId), Notes.MemberRemoved(await users.ViewAsync(userId, ct), member.Role, userId == caller.UserId));
            return new DeletePayload(removed);
        }, ct);
    }

    private async Task EnsureAnotherOwnerAsync(Guid boardId, string userId, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.BoardId == boardId && m.UserId != userId && m.Role == BoardRole.Owner, ct))
            throw RefusalException.Conflict("A board always keeps at least one OWNER.");
    }
}
