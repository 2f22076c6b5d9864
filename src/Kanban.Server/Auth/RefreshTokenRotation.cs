using System.Security.Claims;
using Kanban.Server.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Auth;

/// <summary>
/// Refresh tokens are single-use. Identity's /auth/refresh answers with a new access token and a new
/// refresh token, but would take the old one again as long as it lives (14 days). Before Identity
/// sees a refresh token, this records its grant as spent, in the database, so that no server takes
/// it twice; the insert that finds the grant already there refuses the token.
/// </summary>
public sealed class RefreshTokenRotation(IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);
    private DateTimeOffset _nextSweep;

    public async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var request = ctx.Arguments.OfType<RefreshRequest>().Single();
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        var now = time.GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
            return await next(ctx); // Identity refuses it

        // Refresh tokens issued before grants existed carry none: they cannot be spent, so they are refused.
        var db = ctx.HttpContext.RequestServices.GetRequiredService<KanbanDb>();
        if (ticket.Principal.FindFirstValue(GrantClaims.GrantType) is not { } grant || !await SpendAsync(db, grant, expires))
            return TypedResults.Challenge(); // as Identity refuses a token
        await SweepAsync(db, now);
        return await next(ctx);
    }

    /// <summary>False when the grant was spent already (on any server).</summary>
    private static async Task<bool> SpendAsync(KanbanDb db, string grant, DateTimeOffset expires) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "SpentRefreshTokens" ("Grant", "ExpiresAt") VALUES ({grant}, {expires.UtcDateTime}) ON CONFLICT DO NOTHING""") == 1;

    // Tokens past their expiry are refused by Identity anyway; forget them now and then.
    private async Task SweepAsync(KanbanDb db, DateTimeOffset now)
    {
        if (now < _nextSweep)
            return;
        _nextSweep = now + SweepEvery;
        var cutoff = now.UtcDateTime;
        await db.SpentRefreshTokens.Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync();
    }
}
