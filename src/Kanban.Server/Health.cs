using Kanban.Server.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Kanban.Server;

public static class Health
{
    public static IServiceCollection AddKanbanHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<KanbanDb>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>/healthz: the process is up. /readyz: it can reach what it needs to serve.</summary>
    public static IEndpointRouteBuilder MapKanbanHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
