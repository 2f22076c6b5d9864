using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Data;

public sealed class SqliteKanbanDb(DbContextOptions<SqliteKanbanDb> options) : KanbanDb(options)
{
    // SQLite compares TEXT with BINARY collation by default: ranks already sort byte-wise.
}
