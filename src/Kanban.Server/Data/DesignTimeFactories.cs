using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kanban.Server.Data;

// Used only by `dotnet ef migrations add`, which needs each provider's context without the app.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteKanbanDb>
{
    public SqliteKanbanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKanbanDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresKanbanDb>
{
    public PostgresKanbanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKanbanDb>().UseNpgsql("Host=localhost").Options);
}
