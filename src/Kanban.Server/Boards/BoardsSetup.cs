using Kanban.Server.Auth;
using Kanban.Server.Events;
using Kanban.Server.History;
using Kanban.Server.Data;

namespace Kanban.Server.Boards;

public static class BoardsSetup
{
    public static IServiceCollection AddBoards(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WriteQueries>();
        services.AddSingleton<PlainSave>();
        services.AddSingleton<CommitGroup>();
        services.AddScoped<BoardWriter>();
        services.AddScoped<LastCommit>();
        services.AddScoped<BoardReader>();
        services.AddScoped<TaskFinder>();
        services.AddScoped<BoardCommands>();
        services.AddScoped<MemberCommands>();
        services.AddScoped<ColumnCommands>();
        services.AddScoped<TaskCommands>();
        services.AddScoped<RestoreCommands>();
        services.AddScoped<TrashReader>();
        services.AddHostedService<TrashPurge>();
        services.AddScoped<LabelCommands>();
        services.AddScoped<ChecklistCommands>();
        services.AddScoped<CommentCommands>();
        services.AddScoped<EventLog>();
        services.AddSingleton<SnapshotCache>();
        services.AddScoped<ActivityReader>();
        services.AddScoped<UserDirectory>();
        return services;
    }
}
