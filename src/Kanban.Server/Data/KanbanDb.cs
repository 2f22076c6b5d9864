using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Events;
using Kanban.Server.History;
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
    public DbSet<Label> Labels => Set<Label>();
    public DbSet<TaskLabel> TaskLabels => Set<TaskLabel>();
    public DbSet<TaskAssignee> TaskAssignees => Set<TaskAssignee>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<BoardEvent> Events => Set<BoardEvent>();
    public DbSet<Activity> Activities => Set<Activity>();
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
            Trashable(c);
        });
        model.Entity<BoardTask>(t =>
        {
            t.Property(x => x.Title).HasMaxLength(Limits.NameLength);
            t.Property(x => x.Description).HasMaxLength(Limits.DescriptionLength);
            t.Property(x => x.Rank).HasMaxLength(Limits.RankLength);
            t.HasIndex(x => new { x.ColumnId, x.Rank });
            t.HasIndex(x => x.BoardId);
            t.HasOne<Column>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Cascade);
            Trashable(t);
        });
        model.Entity<Label>(l =>
        {
            l.Property(x => x.Name).HasMaxLength(Limits.LabelNameLength);
            l.Property(x => x.Color).HasConversion<string>().HasMaxLength(16);
            l.HasIndex(x => x.BoardId);
            l.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TaskLabel>(l =>
        {
            l.HasKey(x => new { x.TaskId, x.LabelId });
            l.HasIndex(x => x.LabelId);
            l.HasOne<BoardTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            l.HasOne<Label>().WithMany().HasForeignKey(x => x.LabelId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TaskAssignee>(a =>
        {
            a.HasKey(x => new { x.TaskId, x.UserId });
            a.HasIndex(x => new { x.BoardId, x.UserId });
            a.HasIndex(x => x.UserId);
            a.HasOne<BoardTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ChecklistItem>(i =>
        {
            i.Property(x => x.Text).HasMaxLength(Limits.ChecklistTextLength);
            i.Property(x => x.Rank).HasMaxLength(Limits.RankLength);
            i.HasIndex(x => new { x.TaskId, x.Rank });
            i.HasIndex(x => x.BoardId);
            i.HasOne<BoardTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Comment>(c =>
        {
            c.Property(x => x.Body).HasMaxLength(Limits.CommentLength);
            c.HasIndex(x => new { x.TaskId, x.CreatedAt });
            c.HasOne<BoardTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<BoardEvent>(e =>
        {
            e.HasKey(x => new { x.BoardId, x.Seq });
            e.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Activity>(a =>
        {
            // A board's page is one range read of the key; a task's, of (TaskId, Seq); pruning, of (BoardId, At).
            a.HasKey(x => new { x.BoardId, x.Seq });
            a.HasIndex(x => new { x.TaskId, x.Seq });
            a.HasIndex(x => new { x.BoardId, x.At });
            a.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SpentRefreshToken>(t =>
        {
            t.HasKey(x => x.Grant);
            t.Property(x => x.Grant).HasMaxLength(64);
            t.HasIndex(x => x.ExpiresAt);
        });
    }

    /// <summary>
    /// Trashed rows stay, and every LINQ read leaves them out: only what asks for trash
    /// (<c>IgnoreQueryFilters</c>) sees them. The index serves the purge's look for old trash.
    /// </summary>
    private static void Trashable<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> item) where T : class, ITrashable
    {
        item.HasQueryFilter(x => x.DeletedAt == null);
        item.HasIndex(x => x.DeletedAt);
    }

    /// <summary>
    /// A trashed task keeps its labels, checklist and comments, whose rows have no filter of their
    /// own: that is the point (they come back with it), so EF's warning about it is no news.
    /// (Pooled contexts take their options where they are registered, not in OnConfiguring.)
    /// </summary>
    public static void Warnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) =>
        w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning);
}
