using System.Text.Json;
using Kanban.Client;

namespace Kanban.Tests.Support;

/// <summary>Deleting, the trash and restoring as one-liners over <see cref="Api"/>.</summary>
public static class TrashApi
{
    public const string Trash = "query($b: ID!) { trash(boardId: $b) { kind id title deletedAt deletedBy { id name } columnId taskCount } }";
    public const string RestoreTask = $"mutation($id: ID!) {{ restoreTask(id: $id) {{ {BoardApi.TaskFields} }} }}";
    public const string RestoreColumn = $"mutation($id: ID!) {{ restoreColumn(id: $id) {{ id boardId name rank tasks {{ {BoardApi.TaskFields} }} }} }}";

    public static Task DeleteTaskAsync(this Api api, string id) =>
        api.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id });

    public static Task DeleteColumnAsync(this Api api, string id) =>
        api.DataAsync("mutation($id: ID!) { deleteColumn(id: $id) { id } }", new { id });

    public static async Task<JsonElement[]> TrashAsync(this Api api, string boardId) =>
        (await api.DataAsync(Trash, new { b = boardId })).GetProperty("trash").EnumerateArray().ToArray();

    public static async Task<JsonElement> RestoreTaskAsync(this Api api, string id) =>
        (await api.DataAsync(RestoreTask, new { id })).GetProperty("restoreTask");

    public static async Task<JsonElement> RestoreColumnAsync(this Api api, string id) =>
        (await api.DataAsync(RestoreColumn, new { id })).GetProperty("restoreColumn");

    /// <summary>The board's column names in order.</summary>
    public static async Task<string[]> ColumnNamesAsync(this Api api, string boardId) =>
        (await api.BoardAsync(boardId)).GetProperty("columns").EnumerateArray().Select(c => c.Str("name")).ToArray();
}
