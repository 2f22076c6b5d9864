using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Data;
using Kanban.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kanban.Tests.Search;

/// <summary>
/// The TaskSearch migrations on both databases: they index the tasks and comments already there,
/// undo cleanly, and (SQLite) every trigger that feeds the index survives all later migrations.
/// </summary>
public sealed class SearchMigrationTests
{
    private const string BeforeSearch = "TaskDetail"; // by name: each database has its own migration IDs

    private static readonly string[] SqliteTriggers =
        ["Tasks_Search_Insert", "Tasks_Search_Update", "Tasks_Search_Delete", "Comments_Search_Insert", "Comments_Search_Update", "Comments_Search_Delete"];

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task TasksAndCommentsWrittenBeforeTheMigrationAreFoundAfterIt(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = Open(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeSearch);
        await SeedAsync(db);

        await migrator.MigrateAsync();
        Assert.Equal(1, await CountAsync(db, kind, "kilo")); // a title
        Assert.Equal(1, await CountAsync(db, kind, "lima")); // a comment

        await migrator.MigrateAsync(BeforeSearch);
        Assert.False(await HasSearchAsync(db, kind));
        await migrator.MigrateAsync();
        Assert.Equal(1, await CountAsync(db, kind, "lima"));
    }

    // EF Core rebuilds a SQLite table for some column changes and the old table's triggers go
    // with it: a later migration that rebuilds Tasks or Comments must create them again.
    [Fact]
    public async Task EverySearchTriggerIsThereAfterAllMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var db = Open(database);
        await db.Database.MigrateAsync();

        var triggers = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
        Assert.All(SqliteTriggers, name => Assert.Contains(name, triggers));
    }

    private static KanbanDb Open(TestDatabase database) => database.Kind == DatabaseKind.Sqlite
        ? new SqliteKanbanDb(new DbContextOptionsBuilder<SqliteKanbanDb>().UseSqlite($"Data Source={Path.Combine(database.DataDir, "kanban.db")};Pooling=False").Options)
        : new PostgresKanbanDb(new DbContextOptionsBuilder<PostgresKanbanDb>().UseNpgsql(database.ConnectionString).Options);

    private static async Task SeedAsync(KanbanDb db)
    {
        var user = new AppUser { UserName = "ana@example.test", Email = "ana@example.test" };
        var board = new Board { Id = Guid.NewGuid(), Name = "Old board", CreatedById = user.Id };
        db.AddRange(user, board);
        await db.SaveChangesAsync();
        // Columns and tasks as the schema before search has them: today's model has more (the trash's) than that.
        var (column, task, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Columns" ("Id", "BoardId", "Name", "Rank", "CreatedById") VALUES ({column}, {board.Id}, 'Todo', 'a0', {user.Id})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Tasks" ("Id", "BoardId", "ColumnId", "Title", "Description", "Rank", "Version", "CommentCount",
                "TitleVersion", "DescriptionVersion", "DueDateVersion", "PlaceVersion", "CreatedAt", "UpdatedAt", "CreatedById")
            VALUES ({task}, {board.Id}, {column}, 'Kilo', '', 'a0', 1, 0, 0, 0, 0, 0, {now}, {now}, {user.Id})
            """);
        db.Add(new Comment { Id = Guid.NewGuid(), TaskId = task, BoardId = board.Id, AuthorId = user.Id, Body = "about lima" });
        await db.SaveChangesAsync();
    }

    private static Task<int> CountAsync(KanbanDb db, DatabaseKind kind, string word) => kind == DatabaseKind.Sqlite
        ? db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "TaskSearch" WHERE "TaskSearch" MATCH {word}""").SingleAsync()
        : db.Database.SqlQuery<int>($"""
            SELECT ((SELECT count(*) FROM "Tasks" WHERE "SearchVector" @@ to_tsquery('simple', {word}))
                  + (SELECT count(*) FROM "Comments" WHERE "SearchVector" @@ to_tsquery('simple', {word})))::int AS "Value"
            """).SingleAsync();

    private static async Task<bool> HasSearchAsync(DbContext db, DatabaseKind kind) => kind == DatabaseKind.Sqlite
        ? await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name LIKE '%Search%'").SingleAsync() > 0
        : await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.columns WHERE column_name = 'SearchVector'").SingleAsync() > 0;
}
