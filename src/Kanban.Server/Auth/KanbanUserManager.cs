using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Auth;

/// <summary>
/// Identity's user manager, which also tells this server's <see cref="SessionStamps"/> each stamp it
/// saves: logging out, changing the password or resetting it end the old sessions here at once,
/// instead of when the cached stamp runs out.
/// </summary>
public sealed class KanbanUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    SessionStamps stamps)
    : UserManager<AppUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded)
            stamps.Remember(user.Id, user.SecurityStamp);
        return result;
    }
}
