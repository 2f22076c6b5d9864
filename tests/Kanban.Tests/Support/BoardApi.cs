using System.Text.Json;

namespace Kanban.Tests.Support;

/// <summary>The board operations tests use most, as one-liners over <see cref="Api"/>.</summary>
public static class BoardApi
{
    public const string TaskFields = "id boardId columnId title description rank version createdAt updatedAt createdBy { id name } " +
        "dueDate labelIds assigneeIds checklist { id taskId text done rank } commentCount";
    public const string BoardQuery = $$"""
        query($id: ID!) { board(id: $id) { id name seq
          columns { id boardId name rank tasks { {{TaskFields}} } }
          members { role email user { id name } }
          labels { id boardId name color } } }
        """;

    public static async Task<string> CreateBoardAsync(this Api api, string name = "Board")
    {
        var data = await api.DataAsync("mutation($n: String!) { createBoard(input: { name: $n }) { id } }", new { n = name });
        return data.GetProperty("createBoard").GetProperty("id").GetString()!;
    }

    public static async Task<string> CreateColumnAsync(this Api api, string boardId, string name, int? index = null)
    {
        var data = await api.DataAsync(
            "mutation($b: ID!, $n: String!, $i: Int) { createColumn(input: { boardId: $b, name: $n, index: $i }) { id } }",
            new { b = boardId, n = name, i = index });
        return data.GetProperty("createColumn").GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> CreateTaskAsync(this Api api, string columnId, string title, int? index = null, string? id = null)
    {
        var data = await api.DataAsync(
            $"mutation($c: ID!, $t: String!, $i: Int, $id: ID) {{ createTask(input: {{ id: $id, columnId: $c, title: $t, index: $i }}) {{ {TaskFields} }} }}",
            new { c = columnId, t = title, i = index, id });
        return data.GetProperty("createTask");
    }

    public static async Task<JsonElement> MoveTaskAsync(this Api api, string taskId, string columnId, int? index)
    {
        var data = await api.DataAsync(
            $"mutation($id: ID!, $c: ID!, $i: Int) {{ moveTask(input: {{ id: $id, columnId: $c, index: $i }}) {{ {TaskFields} }} }}",
            new { id = taskId, c = columnId, i = index });
        return data.GetProperty("moveTask");
    }

    public static async Task AddMemberAsync(this Api owner, string boardId, Api member, string role)
    {
        await owner.DataAsync("mutation($b: ID!, $e: String!, $r: Role!) { addMember(boardId: $b, email: $e, role: $r) { role } }",
            new { b = boardId, e = member.Email, r = role });
    }

    public static async Task<JsonElement> BoardAsync(this Api api, string boardId) =>
        (await api.DataAsync(BoardQuery, new { id = boardId })).GetProperty("board");

    /// <summary>The titles of one column's tasks, in board order.</summary>
    public static async Task<string[]> TitlesAsync(this Api api, string boardId, string columnId)
    {
        var board = await api.BoardAsync(boardId);
        return board.GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == columnId)
            .GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()!).ToArray();
    }

    /// <summary>All events of a board after <paramref name="afterSeq"/>, page by page.</summary>
    public static async Task<List<JsonElement>> EventsAsync(this Api api, string boardId, long afterSeq = 0, int first = 1000)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var page = (await api.DataAsync(
                "query($b: ID!, $a: Long!, $f: Int) { boardEvents(boardId: $b, afterSeq: $a, first: $f) { hasMore resetRequired events { seq type origin at actor { id name } payload } } }",
                new { b = boardId, a = afterSeq, f = first })).GetProperty("boardEvents");
            Assert.False(page.GetProperty("resetRequired").GetBoolean());
            foreach (var e in page.GetProperty("events").EnumerateArray())
            {
                events.Add(e);
                afterSeq = e.GetProperty("seq").GetInt64();
            }
            if (!page.GetProperty("hasMore").GetBoolean())
                return events;
        }
    }
}
