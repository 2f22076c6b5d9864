using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Kanban.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Tests.Http;

/// <summary>
/// docs/schema.graphql is the schema as the server runs it, so a newcomer reads the real API in
/// the repository. This test prints the running schema and fails when the committed file differs;
/// with KANBAN_UPDATE_SCHEMA=1 it rewrites the file instead.
/// </summary>
public sealed class SchemaFileTests
{
    private const string UpdateVariable = "KANBAN_UPDATE_SCHEMA";

    private const string Header = """
        # The GraphQL schema the server runs, printed by tests/Kanban.Tests/Http/SchemaFileTests.cs.
        # Do not edit by hand: after a schema change, run
        #   KANBAN_UPDATE_SCHEMA=1 dotnet test tests/Kanban.Tests --filter "FullyQualifiedName~SchemaFile"
        # What the operations mean, with examples: docs/api.md.

        """;

    [Fact]
    public async Task TheCommittedSchemaFileIsTheRunningSchema()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        var schema = server.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = Normalize(Header + "\n" + schema.Print(new PrintOptions { IncludeDescriptions = true }));

        var path = Path.Combine(RepoRoot, "docs", "schema.graphql");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, printed);
            return;
        }

        var committed = File.Exists(path) ? Normalize(await File.ReadAllTextAsync(path)) : "";
        Assert.True(committed == printed,
            $"docs/schema.graphql is not the schema the server runs. Rewrite it with\n" +
            $"  {UpdateVariable}=1 dotnet test tests/Kanban.Tests --filter \"FullyQualifiedName~SchemaFile\"\n" +
            "and commit it together with the schema change (and update docs/api.md to match).\n" +
            $"First difference at line {FirstDifferentLine(committed, printed)}.");
    }

    /// <summary>One line ending and one final newline, whatever the OS or the editor did.</summary>
    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n') + "\n";

    private static int FirstDifferentLine(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        var i = 0;
        while (i < left.Length && i < right.Length && left[i] == right[i])
            i++;
        return i + 1;
    }

    /// <summary>The checkout: the folder above the test assembly that holds Kanban.slnx.</summary>
    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kanban.slnx")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Kanban.slnx not found above the test assembly.");
        }
    }
}
