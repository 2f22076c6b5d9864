using System.Reflection;
using System.Text.RegularExpressions;
using Kanban.Server;
using Kanban.Tests.Support;
using Kanban.Tests.Support.Cluster;
using Microsoft.Extensions.Configuration;

namespace Kanban.Tests.Http;

/// <summary>The settings: one class reads them all, a wrong one stops the server at start, the README lists each once.</summary>
public sealed partial class ConfigurationTests
{
    /// <summary>Each setting's environment variable (a key with ':' is spelled '__' there; "urls" is ASPNETCORE_URLS).</summary>
    private static readonly string[] Variables = typeof(KanbanOptions).GetProperties()
        .Select(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)
        .OfType<string>()
        .Select(key => key == "urls" ? "ASPNETCORE_URLS" : key.Replace(":", "__"))
        .ToArray();

    [Theory]
    [InlineData("EVENT_RETENTION", "0", "EVENT_RETENTION must be at least 1.")]
    [InlineData("HISTORY_DAYS", "0", "HISTORY_DAYS must be at least 1")]
    [InlineData("TRASH_DAYS", "0", "TRASH_DAYS must be at least 1")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.0/8, nginx", "TRUSTED_PROXIES: 'nginx' is neither an address nor a CIDR range.")]
    [InlineData("DATABASE_URL", "mysql://db/kanban", "DATABASE_URL must look like postgres://")]
    [InlineData("EVENT_RETENTION", "many", "EVENT_RETENTION")]
    public async Task AWrongSettingStopsTheServerAtStartNamingIt(string variable, string value, string message)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);

        var failure = Assert.ThrowsAny<Exception>(() => new KanbanServer(db, new Dictionary<string, string?> { [variable] = value }));

        var messages = string.Join("\n", Chain(failure).Select(e => e.Message));
        Assert.Contains(message, messages);
    }

    [Fact]
    public void TheReadmeListsEverySettingOnce()
    {
        var readme = File.ReadAllText(Path.Combine(NodeProcess.RepoRoot, "README.md"));
        var listed = TableRow().Matches(readme).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(Variables.Order(), listed.Order());
    }

    [Fact]
    public void OnlyKanbanOptionsReadsTheConfiguration()
    {
        var server = Path.Combine(NodeProcess.RepoRoot, "src", "Kanban.Server");
        var readers = Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetFileName(f) is not ("KanbanOptions.cs" or "KanbanOptionsSetup.cs"))
            .Where(f => RawRead().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(server, f));

        Assert.Empty(readers);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            yield return x;
        if (e is AggregateException all)
            foreach (var inner in all.InnerExceptions.SelectMany(Chain))
                yield return inner;
    }

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"IConfiguration\b|Configuration\[|GetConnectionString|Environment\.GetEnvironmentVariable")]
    private static partial Regex RawRead();
}
