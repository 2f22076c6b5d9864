using System.Text.Json;
using Kanban.Client;

namespace Kanban.Tests.Support;

/// <summary>Task detail operations as one-liners over <see cref="Api"/>: labels, task updates, checklists, comments.</summary>
public static class TaskDetailApi
{
    public const string LabelFields = "id boardId name color";
    public const string ItemFields = "id taskId text done rank";
    public const string CommentFields = "id taskId author { id name } body createdAt editedAt";

    public const string UpdateTask = $"mutation($i: UpdateTaskInput!) {{ updateTask(input: $i) {{ {BoardApi.TaskFields} }} }}";
    public const string CreateLabel = $"mutation($i: CreateLabelInput!) {{ createLabel(input: $i) {{ {LabelFields} }} }}";
    public const string UpdateLabel = $"mutation($i: UpdateLabelInput!) {{ updateLabel(input: $i) {{ {LabelFields} }} }}";
    public const string DeleteLabel = "mutation($id: ID!) { deleteLabel(id: $id) { id success } }";
    public const string AddItem = $"mutation($i: AddChecklistItemInput!) {{ addChecklistItem(input: $i) {{ {ItemFields} }} }}";
    public const string UpdateItem = $"mutation($i: UpdateChecklistItemInput!) {{ updateChecklistItem(input: $i) {{ {ItemFields} }} }}";
    public const string MoveItem = $"mutation($i: MoveChecklistItemInput!) {{ moveChecklistItem(input: $i) {{ {ItemFields} }} }}";
    public const string DeleteItem = "mutation($id: ID!) { deleteChecklistItem(id: $id) { id success } }";
    public const string AddComment = $"mutation($i: AddCommentInput!) {{ addComment(input: $i) {{ {CommentFields} }} }}";
    public const string EditComment = $"mutation($i: EditCommentInput!) {{ editComment(input: $i) {{ {CommentFields} }} }}";
    public const string DeleteComment = "mutation($id: ID!) { deleteComment(id: $id) { id success } }";

    public static async Task<JsonElement> CreateLabelAsync(this Api api, string boardId, string name, string color = "BLUE", string? id = null) =>
        (await api.DataAsync(CreateLabel, new { i = new { id, boardId, name, color } })).GetProperty("createLabel");

    /// <summary>updateTask with exactly the input fields given (a field left out stays as it is).</summary>
    public static async Task<JsonElement> UpdateTaskAsync(this Api api, object input) =>
        (await api.DataAsync(UpdateTask, new { i = input })).GetProperty("updateTask");

    public static async Task<JsonElement> AddItemAsync(this Api api, string taskId, string text, int? index = null, string? id = null) =>
        (await api.DataAsync(AddItem, new { i = new { id, taskId, text, index } })).GetProperty("addChecklistItem");

    public static async Task<JsonElement> AddCommentAsync(this Api api, string taskId, string body, string? id = null) =>
        (await api.DataAsync(AddComment, new { i = new { id, taskId, body } })).GetProperty("addComment");

    public static async Task<long> SeqAsync(this Api api, string boardId) =>
        (await api.DataAsync("query($id: ID!) { board(id: $id) { seq } }", new { id = boardId })).GetProperty("board").GetProperty("seq").GetInt64();

    /// <summary>A task as the board query shows it.</summary>
    public static async Task<JsonElement> TaskAsync(this Api api, string boardId, string taskId) =>
        (await api.BoardAsync(boardId)).GetProperty("columns").EnumerateArray()
            .SelectMany(c => c.GetProperty("tasks").EnumerateArray()).Single(t => t.Str("id") == taskId);

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();
}
