using Npgsql;

namespace Kanban.Tests.Support;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// A fresh, empty database for one test server: a SQLite file in a new temp folder, or a new
/// database on the PostgreSQL that the test command started (KANBAN_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseKind kind, string dataDir, string? postgresAdmin, string? postgresName, string? connectionString)
    {
        Kind = kind;
        DataDir = dataDir;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        ConnectionString = connectionString;
    }

    public DatabaseKind Kind { get; }
    public string DataDir { get; }

    /// <summary>The PostgreSQL connection string; null for SQLite.</summary>
    public string? ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var dataDir = Directory.CreateTempSubdirectory("kanban-test-").FullName;
        if (kind == DatabaseKind.Sqlite)
            return new TestDatabase(kind, dataDir, null, null, null);

        var admin = Environment.GetEnvironmentVariable("KANBAN_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "KANBAN_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var name = "kanban_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ToString();
        return new TestDatabase(kind, dataDir, admin, name, cs);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
