using Kanban.Server.Boards;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kanban.Server.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// PostgreSQL when DATABASE_URL or ConnectionStrings:Postgres is set; otherwise SQLite in DATA_DIR.
    /// Contexts are pooled: a request leases one (reset on return) instead of building a context
    /// and its internal services each time.
    /// </summary>
    public static IServiceCollection AddKanbanDatabase(this IServiceCollection services, KanbanOptions options)
    {
        var postgres = PostgresConnectionString(options);
        if (postgres is not null)
        {
            services.AddDbContextPool<KanbanDb, PostgresKanbanDb>(o => o.UseNpgsql(postgres).ConfigureWarnings(KanbanDb.Warnings));
            services.AddSingleton(new WriteGate(oneWriterForAllBoards: false));
            services.AddSingleton(new WriteConnection(sqliteConnectionString: null));
            return services;
        }

        var dataDir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(dataDir);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "kanban.db"), Pooling = true };
        services.AddDbContextPool<KanbanDb, SqliteKanbanDb>(o => o.UseSqlite(sqlite.ToString()).AddInterceptors(new SqlitePragmas()).ConfigureWarnings(KanbanDb.Warnings));
        services.AddSingleton(new WriteGate(oneWriterForAllBoards: true));
        services.AddSingleton(new WriteConnection(sqlite.ToString()));
        return services;
    }

    /// <summary>Any number, the same on every server: the key of the PostgreSQL advisory lock migrations hold.</summary>
    private const long MigrationLock = 0x4B616E62616E; // "Kanban"

    /// <summary>Applies the migrations of whichever database is in use.</summary>
    public static async Task MigrateKanbanDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KanbanDb>();
        if (db.Database.IsNpgsql())
        {
            // Servers starting together take turns. EF's own lock is held per migration, so two
            // servers that both read "two to apply" would each apply the second one; this lock is
            // held for the whole run (by the session, released when it ends should the run fail).
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})");
            try
            {
                await db.Database.MigrateAsync();
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})");
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // persistent: readers never block the writer
    }

    private static string? PostgresConnectionString(KanbanOptions options)
    {
        if (options.DatabaseUrl is { Length: > 0 } url)
            return FromUrl(url);
        return options.PostgresConnectionString is { Length: > 0 } cs ? cs : null;
    }

    /// <summary>postgres://user:pass@host:port/db → an Npgsql connection string.</summary>
    internal static string FromUrl(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("postgres" or "postgresql"))
            throw new InvalidOperationException("DATABASE_URL must start with postgres:// or postgresql://.");
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length > 1)
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        return builder.ToString();
    }
}
