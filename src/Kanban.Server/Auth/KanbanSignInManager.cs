using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Auth;

/// <summary>
/// Identity's sign-in, with one answer for every refused login: an unknown email, a wrong password
/// and an address held back by the <see cref="LoginThrottle"/> all answer "Failed", after the same
/// work (one password hash checked), so neither the answer nor its time tells whether an account exists.
/// </summary>
public sealed class KanbanSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    LoginThrottle throttle,
    DecoyPassword decoy)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var address = ClientAddress.Of(Context);
        var account = UserManager.NormalizeName(userName);
        var heldBack = throttle.IsHeldBack(address, account);
        var user = await UserManager.FindByNameAsync(userName);

        SignInResult result;
        if (user is null)
        {
            decoy.Check(UserManager.PasswordHasher, password);
            result = SignInResult.Failed;
        }
        else if (heldBack)
        {
            await UserManager.CheckPasswordAsync(user, password); // the same work as any other refusal
            result = SignInResult.Failed;
        }
        else
            result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);

        if (result.Succeeded)
            throttle.Succeeded(address, account);
        else if (!heldBack && !result.RequiresTwoFactor)
            throttle.Failed(address, account);
        // Two-factor is the one answer that is not a refusal: the password was right.
        return result.Succeeded || result.RequiresTwoFactor ? result : SignInResult.Failed;
    }

    /// <summary>No account is ever locked: see <see cref="LoginThrottle"/>. (Accounts locked before still sign in.)</summary>
    protected override Task<bool> IsLockedOut(AppUser user) => Task.FromResult(false);
}
