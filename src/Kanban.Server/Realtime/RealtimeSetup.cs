using System.Text.Json.Serialization;
using Kanban.Server.Events;
using MessagePack.Resolvers;
using Kanban.Server.Realtime.Redis;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

public static class RealtimeSetup
{
    public const string HubPath = "/hubs/board";

    public static IServiceCollection AddRealtime(this IServiceCollection services, KanbanOptions options)
    {
        var signalR = services.AddSignalR(o => o.AddFilter<HubErrors>())
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = ContractJson.Options.PropertyNamingPolicy;
                o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseUpper));
            })
            .AddMessagePackProtocol(o => o.SerializerOptions = o.SerializerOptions.WithResolver(
                CompositeResolver.Create([WireMessagePackFormatter.Instance, JoinAnswerMessagePackFormatter.Instance], [o.SerializerOptions.Resolver])));
        services.AddSingleton<HubErrors>();
        services.Configure<LoggerFilterOptions>(HubErrors.Quiet);
        services.AddSingleton<HubConnections>();
        services.AddHostedService<EndedSessions>();
        if (options.RedisUrl is { Length: > 0 })
            signalR.AddRedisBackplane(services);
        else
            services.AddSingleton<IPresence, InMemoryPresence>();
        services.AddSingleton<BoardRooms>();
        services.AddSingleton<EventDispatcher>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<EventDispatcher>());

        // Browsers cannot set headers on WebSockets and EventSource: SignalR sends the token
        // as ?access_token= there, so the bearer handler reads it from the query on the hub.
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = ctx =>
        {
            if (ctx.Request.Path.StartsWithSegments(HubPath) && ctx.Request.Query["access_token"] is [{ Length: > 0 } token, ..])
                ctx.Token = token;
            return Task.CompletedTask;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        // Either way of signing in opens the hub: the cookie, or a bearer token (header or query).
        var signedIn = new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser().Build();
        app.MapHub<BoardHub>(HubPath).RequireAuthorization(signedIn);
        return app;
    }
}
