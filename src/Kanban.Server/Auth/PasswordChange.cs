using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Kanban.Server.Auth;

/// <summary>
/// Changing the password (POST /auth/manage/info with oldPassword and newPassword) gives the user a
/// new security stamp, which ends every session, the caller's too. A browser keeps its session: its
/// cookie is issued again with the new stamp. A bearer client has no such channel and logs in again.
/// </summary>
public static class PasswordChange
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var request = ctx.Arguments.OfType<InfoRequest>().Single();
        var result = await next(ctx);
        if (string.IsNullOrEmpty(request.NewPassword) || (result as INestedHttpResult)?.Result is not Ok<InfoResponse>)
            return result;

        var http = ctx.HttpContext;
        // The cookie was checked at the start of this request, under the old stamp (the result is kept per request).
        if ((await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
        {
            var signIn = http.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
                await signIn.RefreshSignInAsync(user);
        }
        return result;
    }
}
