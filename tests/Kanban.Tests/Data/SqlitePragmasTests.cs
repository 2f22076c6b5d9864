using Kanban.Server.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Tests.Data;

/// <summary>The per-connection SQLite settings hold on every open from the pool, set once per physical connection.</summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kanban-pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task EveryOpenFromThePoolHasTheSettings()
    {
        var options = new DbContextOptionsBuilder<SqliteKanbanDb>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = true }.ToString())
            .AddInterceptors(new SqlitePragmas())
            .Options;

        for (var round = 0; round < 2; round++)
        {
            for (var open = 0; open < 3; open++)
            {
                await using var db = new SqliteKanbanDb(options);
                await db.Database.OpenConnectionAsync();
                Assert.Equal(10000L, await ScalarAsync(db, "PRAGMA busy_timeout"));
                Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous")); // NORMAL
                await db.Database.CloseConnectionAsync();
            }
            SqliteConnection.ClearAllPools(); // the next round opens new physical connections
        }
    }

    private static async Task<long> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(path);
    }
}
