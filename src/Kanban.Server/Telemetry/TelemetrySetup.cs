using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kanban.Server.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// Metrics always (for /metrics); traces only when there is somewhere to send them:
    /// OTEL_EXPORTER_OTLP_ENDPOINT (and the other standard OTEL_* variables) turn on OTLP export.
    /// </summary>
    public static IServiceCollection AddKanbanTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<KanbanMetrics>();
        var node = config["NODE_NAME"] is { Length: > 0 } name ? name : Environment.MachineName;
        var otlp = !string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kanban", serviceInstanceId: node))
            .WithMetrics(m => m
                .AddMeter(KanbanMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Http.Connections") // SignalR's own connection counts
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (otlp)
        {
            telemetry
                .WithTracing(t => t.AddSource(KanbanMetrics.Name).AddAspNetCoreInstrumentation())
                .UseOtlpExporter();
        }
        return services;
    }

    /// <summary>The Prometheus scrape endpoint. It tells how busy the server is: keep it off the public side of the proxy.</summary>
    public static IEndpointRouteBuilder MapKanbanMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
