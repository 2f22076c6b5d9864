using Kanban.Tests.Support;

namespace Kanban.E2E;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    // One browser for all browser tests, which run one class at a time (the machine has two cores).
    public const string Name = "browser";
}

/// <summary>A server with its own SQLite database for one test class.</summary>
public sealed class E2EServer : IAsyncLifetime
{
    private TestDatabase? _database;

    public KanbanServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        Server = new KanbanServer(_database);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
