using Kanban.Tests.Support;

namespace Kanban.Tests.Data;

/// <summary>Schema migrations when several servers share one PostgreSQL.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task ServersStartingTogetherOnANewDatabaseAllStartAndMigrateItOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Postgres);

        // Each server applies every migration it finds missing; started at once, they take turns.
        var servers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new KanbanServer(db))));
        try
        {
            foreach (var server in servers)
                await server.SignUpAsync(); // each one answers, on the one schema
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
        }
    }
}
