using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Server.Data.Migrations.Postgres
{
    /// <summary>
    /// Full-text search of tasks with PostgreSQL's own engine: a generated tsvector on Tasks
    /// (title weighted A, description B) and on Comments (body, weight D), each with a GIN index.
    /// PostgreSQL fills and keeps them itself, old rows included. The 'simple' configuration folds
    /// case and does not stem, as SQLite's unicode61 does not.
    ///
    /// Raw SQL, so the EF model (and its snapshot) does not change: EF never reads the columns.
    /// A later migration that changes the type of Title, Description or Body must drop the
    /// SearchVector column first and add it again after (PostgreSQL refuses to alter a column a
    /// generated column uses).
    /// </summary>
    public partial class TaskSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Tasks" ADD "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', "Title"), 'A') || setweight(to_tsvector('simple', "Description"), 'B')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Tasks_SearchVector" ON "Tasks" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""
                ALTER TABLE "Comments" ADD "SearchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "Body")) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Comments_SearchVector" ON "Comments" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Comments_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Comments" DROP COLUMN "SearchVector";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Tasks_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Tasks" DROP COLUMN "SearchVector";""");
        }
    }
}
