using Kanban.Server.Boards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Data;

public sealed class PostgresKanbanDb(DbContextOptions<PostgresKanbanDb> options) : KanbanDb(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // Ranks order byte-wise; the database's default collation may be locale-aware.
        model.Entity<Column>().Property(x => x.Rank).UseCollation("C");
        model.Entity<BoardTask>().Property(x => x.Rank).UseCollation("C");
    }
}
