using Kanban.Server.Boards;
using Kanban.Server.Events;
using Kanban.Server.History;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Data;

public sealed class SqliteKanbanDb(DbContextOptions<SqliteKanbanDb> options) : KanbanDb(options)
{
    // SQLite compares TEXT with BINARY collation by default: ranks already sort byte-wise.

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // The board's timestamps, read by the thousand when a board loads: the same TEXT, parsed faster.
        model.Entity<BoardTask>().Property(x => x.CreatedAt).HasConversion<SqliteTimestampConverter>();
        model.Entity<BoardTask>().Property(x => x.UpdatedAt).HasConversion<SqliteTimestampConverter>();
        model.Entity<BoardEvent>().Property(x => x.At).HasConversion<SqliteTimestampConverter>();
        model.Entity<Activity>().Property(x => x.At).HasConversion<SqliteTimestampConverter>();
        model.Entity<Comment>().Property(x => x.CreatedAt).HasConversion<SqliteTimestampConverter>();
        model.Entity<Comment>().Property(x => x.EditedAt).HasConversion<SqliteTimestampConverter>();
        // Also what lets SQLite compare and order them (as the text sorts, all in UTC): trash and its purge.
        model.Entity<BoardTask>().Property(x => x.DeletedAt).HasConversion<SqliteTimestampConverter>();
        model.Entity<Column>().Property(x => x.DeletedAt).HasConversion<SqliteTimestampConverter>();
    }
}
