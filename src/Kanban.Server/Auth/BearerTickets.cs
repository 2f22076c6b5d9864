using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Kanban.Server.Auth;

/// <summary>
/// Bearer tokens opened once, then remembered for a few minutes by a hash of the token: opening
/// one is a Data Protection decrypt and a ticket's deserialization, and every request and hub
/// connection of a signed-in client carries one (5 % of the server's CPU in a stream of moves,
/// when the session check and the bearer handler each opened it). Remembering a ticket changes
/// nothing of who may do what: the session check still runs on every request, so a logout ends
/// the token at once, and an expired ticket is still refused.
/// </summary>
public sealed class BearerTickets : IDisposable
{
    // Each is a ticket of a few claims: a few MB at most, for a few minutes.
    private const int MaxTickets = 4096;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _opened = new(new MemoryCacheOptions { SizeLimit = MaxTickets });

    /// <summary>The token's ticket, opened with <paramref name="protector"/> unless it was opened lately; null when it does not open.</summary>
    public AuthenticationTicket? Open(string token, ISecureDataFormat<AuthenticationTicket> protector)
    {
        var key = Key(token);
        if (_opened.TryGetValue(key, out AuthenticationTicket? ticket))
            return ticket;
        ticket = protector.Unprotect(token);
        if (ticket is not null)
            _opened.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
        return ticket;
    }

    // Not the token itself: what is kept in memory cannot be sent as one.
    private static Guid Key(string token) => new(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));

    public void Dispose() => _opened.Dispose();
}
