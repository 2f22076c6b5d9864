using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Auth;

/// <summary>
/// Identity's claims plus a fresh "grant" ID for each sign-in and each refresh: the refresh token
/// issued with it is spent by that ID (see <see cref="RefreshTokenRotation"/>).
/// </summary>
public sealed class GrantClaims(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string GrantType = "kanban:grant";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(GrantType, Guid.NewGuid().ToString("N")));
        return identity;
    }
}
