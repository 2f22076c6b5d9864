using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Kanban.Server.Auth;

/// <summary>
/// Session cookies and bearer tokens opened once, then remembered for a few minutes by a hash of
/// their text: opening one is a Data Protection decrypt and a ticket's deserialization, and every
/// request and hub connection of a signed-in client carries one (5 % of the server's CPU in a
/// stream of moves, when the session check and the bearer handler each opened the token).
/// Remembering a ticket changes nothing of who may do what: the session check still runs on
/// every request, so a logout ends the cookie or token at once, and an expired ticket is still
/// refused (by the handler, which reads the ticket's expiry each time).
/// </summary>
public sealed class RememberedTickets : IDisposable
{
    // Each is a ticket of a few claims: a few MB at most, for a few minutes.
    private const int MaxTickets = 4096;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _opened = new(new MemoryCacheOptions { SizeLimit = MaxTickets });

    /// <summary>
    /// The ticket of <paramref name="text"/> (a token or a cookie's value), opened with
    /// <paramref name="format"/> unless it was opened lately; null when it does not open. The
    /// ticket is shared: copy what a request may change.
    /// </summary>
    public AuthenticationTicket? Open(string text, ISecureDataFormat<AuthenticationTicket> format)
    {
        var key = Key(text);
        if (_opened.TryGetValue(key, out AuthenticationTicket? ticket))
            return ticket;
        ticket = format.Unprotect(text);
        if (ticket is not null)
            _opened.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
        return ticket;
    }

    // Not the text itself: what is kept in memory cannot be sent as a cookie or a token.
    private static Guid Key(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    public void Dispose() => _opened.Dispose();
}

/// <summary>
/// The session cookie's ticket format, opening each cookie once (<see cref="RememberedTickets"/>):
/// the cookie handler opens the cookie on every request a browser makes. Writing a cookie, and
/// any other purpose, goes to the format it wraps.
/// </summary>
public sealed class RememberedCookieFormat(ISecureDataFormat<AuthenticationTicket> format, RememberedTickets tickets)
    : ISecureDataFormat<AuthenticationTicket>
{
    public string Protect(AuthenticationTicket data) => format.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
            return format.Unprotect(protectedText, purpose);
        // Each request its own copy: the handler and the validators may renew or replace it.
        return tickets.Open(protectedText, format) is { } ticket
            ? new AuthenticationTicket(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme)
            : null;
    }
}
