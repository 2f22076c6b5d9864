namespace Kanban.Tests.Support;

/// <summary>One server (and its own fresh database) shared by the tests of a class.</summary>
public abstract class ServerFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;

    public KanbanServer Server { get; private set; } = null!;
    public DatabaseKind Kind => kind;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
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

public sealed class SqliteServer() : ServerFixture(DatabaseKind.Sqlite);

public sealed class PostgresServer() : ServerFixture(DatabaseKind.Postgres);
