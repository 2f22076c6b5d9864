using System.Security.Claims;
using Kanban.Server.Auth;
using Kanban.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Realtime;

/// <summary>
/// Closes this server's hub connections whose session has ended (a logout or a password change,
/// on any server): a WebSocket is authenticated once, when it opens, and would otherwise keep
/// receiving its boards' events for as long as it lives. Every <see cref="SessionStamps.Lifetime"/>
/// it reads the stamps of the users connected here, a few hundred per query.
/// </summary>
public sealed class EndedSessions(HubConnections connections, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity,
    ILogger<EndedSessions> logger) : BackgroundService
{
    private const int UsersPerQuery = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SessionStamps.Lifetime);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseEndedAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not check the sessions of open hub connections; trying again in {Seconds} s", SessionStamps.Lifetime.TotalSeconds);
            }
        }
    }

    private async Task CloseEndedAsync(CancellationToken ct)
    {
        var claims = identity.Value.ClaimsIdentity;
        var byUser = connections.Open
            .Select(c => (Context: c, UserId: c.User?.FindFirstValue(claims.UserIdClaimType), Stamp: c.User?.FindFirstValue(claims.SecurityStampClaimType)))
            .Where(c => c.UserId is not null)
            .GroupBy(c => c.UserId!)
            .ToList();
        foreach (var chunk in byUser.Chunk(UsersPerQuery))
        {
            var ids = chunk.Select(g => g.Key).ToList();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KanbanDb>();
            var current = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.SecurityStamp }).ToDictionaryAsync(u => u.Id, u => u.SecurityStamp, ct);
            foreach (var connection in chunk.SelectMany(g => g))
                if (current.GetValueOrDefault(connection.UserId!) is not { } stamp || stamp != connection.Stamp)
                    connection.Context.Abort();
        }
    }
}
