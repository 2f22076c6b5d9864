using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.History;

/// <summary>The history as a client reads it, as one-liners over <see cref="Api"/>.</summary>
public static class ActivityApi
{
    public const string Fields = "seq at actor { id name } type summary taskId columnId before after";

    public static async Task<JsonElement> ActivityPageAsync(this Api api, string boardId, long? before = null, long? after = null, int? first = null) =>
        (await api.DataAsync($"query($b: ID!, $before: Long, $after: Long, $f: Int) {{ boardActivity(boardId: $b, before: $before, after: $after, first: $f) {{ hasMore items {{ {Fields} }} }} }}",
            new { b = boardId, before, after, f = first ?? 200 })).GetProperty("boardActivity");

    /// <summary>Every entry of the board's history, newest first, page by page.</summary>
    public static async Task<List<JsonElement>> ActivityAsync(this Api api, string boardId)
    {
        var all = new List<JsonElement>();
        long? before = null;
        while (true)
        {
            var page = await api.ActivityPageAsync(boardId, before);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            if (!page.GetProperty("hasMore").GetBoolean())
                return all;
            before = all[^1].GetProperty("seq").GetInt64();
        }
    }

    public static async Task<JsonElement[]> TaskActivityAsync(this Api api, string taskId, int first = 50) =>
        (await api.DataAsync($"query($id: ID!, $f: Int) {{ task(id: $id) {{ activity(first: $f) {{ {Fields} }} }} }}", new { id = taskId, f = first }))
            .GetProperty("task").GetProperty("activity").EnumerateArray().ToArray();

    public static string[] Summaries(this IEnumerable<JsonElement> entries) => entries.Select(e => e.Str("summary")).ToArray();
}
