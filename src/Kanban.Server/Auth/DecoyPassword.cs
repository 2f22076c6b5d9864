using Microsoft.AspNetCore.Identity;

namespace Kanban.Server.Auth;

/// <summary>
/// A password hash that belongs to nobody. Checking a login for an unknown email against it takes
/// as long as checking a real account's password, so the time of a refusal tells nothing either.
/// </summary>
public sealed class DecoyPassword
{
    private static readonly AppUser Nobody = new();
    private string? _hash;

    public void Check(IPasswordHasher<AppUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
