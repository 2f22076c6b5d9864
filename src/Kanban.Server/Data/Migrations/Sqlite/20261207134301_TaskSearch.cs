using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Server.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text search of tasks with SQLite's own engine: an FTS5 table of each task's title,
    /// description and comments (all its comment bodies in one column), kept in step by triggers
    /// on Tasks and Comments, so every write path (EF, cascades, bulk deletes) updates it.
    /// The EF model does not change: the table and triggers are invisible to it.
    ///
    /// FTS5 looks rows up only by its integer rowid, and a task's own rowid can change (VACUUM
    /// renumbers a table without an INTEGER PRIMARY KEY), so TaskSearchKeys gives each task a
    /// stable integer key: the FTS row of a task is found through an index, never by a scan.
    ///
    /// EF Core rebuilds a SQLite table (create new, copy, drop old, rename) for some column
    /// changes: a type, nullability, a dropped column. Dropping the old table drops its triggers,
    /// so a later migration that rebuilds Tasks or Comments must run <see cref="Triggers"/> again
    /// afterwards. SearchIndexTests checks that every trigger is still there after all migrations.
    /// </summary>
    public partial class TaskSearch : Migration
    {
        // Every comment of a task in one text, for its FTS row's Comments column.
        private const string CommentsOf = """coalesce((SELECT group_concat(c."Body", char(10)) FROM "Comments" c WHERE c."TaskId" = {0}), '')""";

        private static string KeyOf(string taskId) => $"""(SELECT "Key" FROM "TaskSearchKeys" WHERE "TaskId" = {taskId})""";

        private static string RefreshComments(string taskId) =>
            $"""UPDATE "TaskSearch" SET "Comments" = {string.Format(CommentsOf, taskId)} WHERE rowid = {KeyOf(taskId)};""";

        /// <summary>The triggers that keep TaskSearch in step; a migration that rebuilds Tasks or Comments runs these again.</summary>
        public static readonly string[] Triggers =
        [
            $"""
            CREATE TRIGGER "Tasks_Search_Insert" AFTER INSERT ON "Tasks" BEGIN
                INSERT INTO "TaskSearchKeys" ("TaskId") VALUES (new."Id");
                INSERT INTO "TaskSearch" (rowid, "Title", "Description", "Comments")
                VALUES ({KeyOf("new.\"Id\"")}, new."Title", new."Description", {string.Format(CommentsOf, "new.\"Id\"")});
            END;
            """,
            $"""
            CREATE TRIGGER "Tasks_Search_Update" AFTER UPDATE OF "Title", "Description" ON "Tasks" BEGIN
                UPDATE "TaskSearch" SET "Title" = new."Title", "Description" = new."Description" WHERE rowid = {KeyOf("new.\"Id\"")};
            END;
            """,
            $"""
            CREATE TRIGGER "Tasks_Search_Delete" AFTER DELETE ON "Tasks" BEGIN
                DELETE FROM "TaskSearch" WHERE rowid = {KeyOf("old.\"Id\"")};
                DELETE FROM "TaskSearchKeys" WHERE "TaskId" = old."Id";
            END;
            """,
            $"""
            CREATE TRIGGER "Comments_Search_Insert" AFTER INSERT ON "Comments" BEGIN
                {RefreshComments("new.\"TaskId\"")}
            END;
            """,
            $"""
            CREATE TRIGGER "Comments_Search_Update" AFTER UPDATE OF "Body" ON "Comments" BEGIN
                {RefreshComments("new.\"TaskId\"")}
            END;
            """,
            $"""
            CREATE TRIGGER "Comments_Search_Delete" AFTER DELETE ON "Comments" BEGIN
                {RefreshComments("old.\"TaskId\"")}
            END;
            """,
        ];

        private static readonly string[] TriggerNames =
            ["Tasks_Search_Insert", "Tasks_Search_Update", "Tasks_Search_Delete", "Comments_Search_Insert", "Comments_Search_Update", "Comments_Search_Delete"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "TaskSearchKeys" ("Key" INTEGER PRIMARY KEY, "TaskId" TEXT NOT NULL UNIQUE);""");
            // unicode61 folds case; remove_diacritics 2 lets "cafe" find "café". No stemming, as
            // PostgreSQL's 'simple' configuration: both engines match whole words (and a prefix).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TaskSearch" USING fts5("Title", "Description", "Comments", tokenize = 'unicode61 remove_diacritics 2');
                """);

            // The tasks and comments already there.
            migrationBuilder.Sql("""INSERT INTO "TaskSearchKeys" ("TaskId") SELECT "Id" FROM "Tasks";""");
            migrationBuilder.Sql($"""
                INSERT INTO "TaskSearch" (rowid, "Title", "Description", "Comments")
                SELECT k."Key", t."Title", t."Description", {string.Format(CommentsOf, "t.\"Id\"")}
                FROM "Tasks" t JOIN "TaskSearchKeys" k ON k."TaskId" = t."Id";
                """);

            foreach (var trigger in Triggers)
                migrationBuilder.Sql(trigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in TriggerNames)
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{name}";""");
            migrationBuilder.Sql("""DROP TABLE "TaskSearch";""");
            migrationBuilder.Sql("""DROP TABLE "TaskSearchKeys";""");
        }
    }
}
