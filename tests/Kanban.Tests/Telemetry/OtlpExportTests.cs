using System.Collections.Concurrent;
using System.Text;
using Kanban.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Kanban.Tests.Telemetry;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the server sends a span per mutation and its metrics
/// over OTLP. The receiver here is a bare HTTP endpoint that keeps what it is sent (OTLP over
/// HTTP is protobuf POSTed to /v1/traces and /v1/metrics; span and metric names travel as text).
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task MutationsAreTracedAndMetricsExportedOverOtlp()
    {
        var received = new ConcurrentBag<(string Path, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Add((request.Path, body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();

        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(database, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.Single(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        var ana = await server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "To do");
        await ana.CreateTaskAsync(column, "Traced");

        await WaitForAsync(() => Sent(received, "/v1/traces", "mutation createTask"));
        await WaitForAsync(() => Sent(received, "/v1/metrics", "kanban.mutation.duration"));
    }

    private static bool Sent(IEnumerable<(string Path, byte[] Body)> received, string path, string text) =>
        received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Live.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "nothing of the kind reached the OTLP endpoint in time");
            await Task.Delay(50);
        }
    }
}
