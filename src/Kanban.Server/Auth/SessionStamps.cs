using System.Security.Claims;
using Kanban.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Auth;

/// <summary>
/// Whether a session is still current: every cookie and token carries the user's security stamp
/// from when it was issued, and logging out (or changing the password) gives the user a new one.
/// The current stamp is read from the database at most once per <see cref="Lifetime"/> per user
/// and server, so checking it costs a memory lookup per request.
/// </summary>
public sealed class SessionStamps(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider time) : IDisposable
{
    /// <summary>
    /// How long this server trusts the stamp it last read. A change made on this server is seen at
    /// once; one made on another server (behind the same load balancer) within this time.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A stamp other than the one read is asked of the database again only after this: a session
    /// that has ended, sent over and over, costs one read per second, not one per request.
    /// </summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private sealed record Known(string? Stamp, DateTimeOffset ReadAt);

    private readonly MemoryCache _current = new(new MemoryCacheOptions());

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal? principal)
    {
        var userId = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
            return false;
        if (_current.TryGetValue(userId, out Known? known))
        {
            if (known!.Stamp == stamp)
                return true;
            if (time.GetUtcNow() - known.ReadAt < Recheck)
                return false;
        }
        // A stamp we do not know may be newer than ours (a logout and sign-in on another server since): ask the database.
        var current = await ReadAsync(userId);
        Remember(userId, current);
        return current == stamp;
    }

    /// <summary>Called when this server changes a user's stamp, so its old sessions end here at once.</summary>
    public void Remember(string userId, string? stamp) => _current.Set(userId, new Known(stamp, time.GetUtcNow()), Lifetime);

    private async Task<string?> ReadAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KanbanDb>();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
    }

    public void Dispose() => _current.Dispose();
}
