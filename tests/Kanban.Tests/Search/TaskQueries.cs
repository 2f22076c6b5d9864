using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Search;

/// <summary>The three task reads (task, myTasks, searchTasks) as one-liners over <see cref="Api"/>.</summary>
public static class TaskQueries
{
    public const string Search = $"query($t: String!, $b: ID, $f: Int) {{ searchTasks(text: $t, boardId: $b, first: $f) {{ {BoardApi.TaskFields} }} }}";
    public const string Mine = $"query($f: Int) {{ myTasks(first: $f) {{ {BoardApi.TaskFields} }} }}";
    public const string One = $"query($id: ID!) {{ task(id: $id) {{ {BoardApi.TaskFields} }} }}";

    /// <summary>The titles found, best first.</summary>
    public static async Task<string[]> SearchAsync(this Api api, string text, string? boardId = null, int? first = null) =>
        Titles((await api.DataAsync(Search, new { t = text, b = boardId, f = first })).GetProperty("searchTasks"));

    /// <summary>The titles of the caller's tasks, in order.</summary>
    public static async Task<string[]> MyTasksAsync(this Api api, int? first = null) =>
        Titles((await api.DataAsync(Mine, new { f = first })).GetProperty("myTasks"));

    /// <summary>The task, or a JSON null.</summary>
    public static async Task<JsonElement> TaskAsync(this Api api, string id) =>
        (await api.DataAsync(One, new { id })).GetProperty("task");

    public static async Task<string> TaskIdAsync(this Api api, string columnId, string title, string? description = null)
    {
        var id = (await api.CreateTaskAsync(columnId, title)).Str("id");
        if (description is not null)
            await api.UpdateTaskAsync(id, description: description);
        return id;
    }

    public static Task UpdateTaskAsync(this Api api, string id, string? title = null, string? description = null) =>
        api.DataAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }", new { i = new { id, title, description } });

    private static string[] Titles(JsonElement tasks) => tasks.EnumerateArray().Select(t => t.Str("title")).ToArray();
}
