using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Events;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Data;

/// <summary>
/// The one database: accounts, boards and their event logs, the Data Protection keys
/// (so every server process signs cookies and tokens with the same keys), and the refresh tokens
/// already used (so no server takes one twice).
/// Each provider has a subclass that owns its migrations.
/// </summary>
public abstract class KanbanDb(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<BoardTask> Tasks => Set<BoardTask>();
    public DbSet<BoardEvent> Events => Set<BoardEvent>();
    public DbSet<RetiredId> RetiredIds => Set<RetiredId>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SpentRefreshToken> SpentRefreshTokens => Set<SpentRefreshToken>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<Board>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(Limits.NameLength);
            b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById);
        });
        model.Entity<Member>(m =>
        {
            m.HasKey(x => new { x.BoardId, x.UserId });
            m.HasIndex(x => x.UserId);
            m.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Column>(c =>
        {
            c.Property(x => x.Name).HasMaxLength(Limits.NameLength);
            c.Property(x => x.Rank).HasMaxLength(Limits.RankLength);
            c.HasIndex(x => new { x.BoardId, x.Rank });
            c.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<BoardTask>(t =>
        {
            t.Property(x => x.Title).HasMaxLength(Limits.NameLength);
            t.Property(x => x.Description).HasMaxLength(Limits.DescriptionLength);
            t.Property(x => x.Rank).HasMaxLength(Limits.RankLength);
            t.HasIndex(x => new { x.ColumnId, x.Rank });
            t.HasIndex(x => x.BoardId);
            t.HasOne<Column>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<BoardEvent>(e =>
        {
            e.HasKey(x => new { x.BoardId, x.Seq });
            e.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SpentRefreshToken>(t =>
        {
            t.HasKey(x => x.Grant);
            t.Property(x => x.Grant).HasMaxLength(64);
            t.HasIndex(x => x.ExpiresAt);
        });
    }
}
