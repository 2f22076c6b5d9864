using System.Diagnostics;
using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using Xunit.Abstractions;

namespace Kanban.Tests.Http;

/// <summary>
/// The GraphQL-over-HTTP spec's own audit suite (npm graphql-http's serverAudits), run against
/// the real server: every MUST passes; SHOULD and MAY results are reported.
/// </summary>
public sealed class GraphQLAuditTests(SqliteServer fixture, ITestOutputHelper output) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task EveryMustOfTheGraphQLOverHttpSpecPasses()
    {
        var script = Environment.GetEnvironmentVariable("KANBAN_GRAPHQL_AUDIT")
            ?? throw new InvalidOperationException("KANBAN_GRAPHQL_AUDIT is not set: run the tests with scripts/test.sh.");
        var api = await fixture.Server.SignUpAsync();
        var token = api.Http.DefaultRequestHeaders.Authorization!.Parameter!;

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(new Uri(fixture.Server.Address, "/graphql").ToString());
        start.ArgumentList.Add(token);
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(node.ExitCode == 0, $"audit.mjs exited {node.ExitCode}: {await stderr}");

        using var results = JsonDocument.Parse(await stdout);
        var audits = results.RootElement.EnumerateArray()
            .Select(a => (Name: a.Str("name"), Status: a.Str("status"), Reason: a.GetProperty("reason").GetString()))
            .ToList();
        foreach (var level in new[] { "MUST", "SHOULD", "MAY" })
        {
            var ofLevel = audits.Where(a => a.Name.StartsWith(level, StringComparison.Ordinal)).ToList();
            output.WriteLine($"{level}: {ofLevel.Count(a => a.Status == "ok")} of {ofLevel.Count} ok");
            foreach (var failed in ofLevel.Where(a => a.Status != "ok"))
                output.WriteLine($"  {failed.Status}: {failed.Name}: {failed.Reason}");
        }

        Assert.NotEmpty(audits);
        var failedMusts = audits.Where(a => a.Name.StartsWith("MUST", StringComparison.Ordinal) && a.Status != "ok").ToList();
        Assert.True(failedMusts.Count == 0, string.Join("\n", failedMusts.Select(a => $"{a.Name}: {a.Reason}")));
    }
}
