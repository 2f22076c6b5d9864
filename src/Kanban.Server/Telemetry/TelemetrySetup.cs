using Microsoft.Extensions.Options;
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
    public static IServiceCollection AddKanbanTelemetry(this IServiceCollection services, KanbanOptions options)
    {
        services.AddSingleton<KanbanMetrics>();
        var node = options.NodeName;
        var otlp = !string.IsNullOrEmpty(options.OtlpEndpoint);

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

    /// <summary>
    /// The Prometheus scrape endpoint, on the METRICS_URL listener only: it tells how busy the
    /// server is, so the app's port (and the proxy in front of it) never answers it, and the
    /// metrics listener answers nothing else. Without METRICS_URL there is no such endpoint.
    /// </summary>
    public static WebApplication UseKanbanMetrics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<KanbanOptions>>().Value.MetricsUrl is not { Length: > 0 } url)
            return app;
        var port = new Uri(url).Port;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Connection.LocalPort == port && http.Request.Path == "/metrics");
        app.Use((http, next) =>
        {
            if (http.Connection.LocalPort != port)
                return next(http);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }
}
