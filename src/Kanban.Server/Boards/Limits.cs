using System.Globalization;

namespace Kanban.Server.Boards;

/// <summary>The contract's limits, checked in one place. Lengths are UTF-16 code units.</summary>
public static class Limits
{
    public const int NameLength = 200;
    public const int DescriptionLength = 20_000;
    public const int ColumnsPerBoard = 100;
    public const int TasksPerColumn = 5_000;
    public const int RankLength = 64;
    public const int ClientIdLength = 128;
    public const int MaxEventPage = 1_000;
    public const int LabelNameLength = 50;
    public const int LabelsPerBoard = 100;
    public const int AssigneesPerTask = 20;
    public const int ChecklistTextLength = 500;
    public const int ChecklistItemsPerTask = 200;
    public const int CommentLength = 10_000;
    public const int IdsPerList = 100;
    public const int MaxCommentPage = 200;
    public const int MaxActivityPage = 200;

    /// <summary>The tasks whose history one request may read (Task.activity is a query per task).</summary>
    public const int ActivityTasksPerRequest = 20;
    public const int SearchTextLength = 200;
    public const int SearchPage = 100;
    public const int MyTasksPage = 500;

    /// <summary>A board, column or task name or title: stored trimmed, 1 to 200 characters.</summary>
    public static string Name(string? value, string field) => Text(value, field, NameLength);

    private static string Text(string? value, string field, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 || trimmed.Length > max)
            throw RefusalException.Validation(field, $"{field} must be 1 to {max} characters.");
        return trimmed;
    }

    public static string Description(string? value)
    {
        value ??= "";
        if (value.Length > DescriptionLength)
            throw RefusalException.Validation("description", $"description must be at most {DescriptionLength} characters.");
        return value;
    }

    /// <summary>A label's name: stored trimmed, 1 to 50 characters.</summary>
    public static string LabelName(string? value) => Text(value, "name", LabelNameLength);

    /// <summary>A checklist item's text: stored trimmed, 1 to 500 characters.</summary>
    public static string ChecklistText(string? value) => Text(value, "text", ChecklistTextLength);

    /// <summary>A comment's body: Markdown, stored as given (its spacing may matter), 1 to 10,000 characters, not blank.</summary>
    public static string CommentBody(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > CommentLength)
            throw RefusalException.Validation("body", $"body must be 1 to {CommentLength} characters, not only spaces.");
        return value;
    }

    /// <summary>A due date: exactly <c>YYYY-MM-DD</c>, a real calendar day.</summary>
    public static DateOnly DueDate(string value) =>
        value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw RefusalException.Validation("dueDate", "dueDate must be a date written YYYY-MM-DD.");

    /// <summary>A list of IDs in an input: each a UUID, at most 100 of them, repeats ignored.</summary>
    public static IReadOnlyList<Guid> Ids(IEnumerable<string>? values, string field)
    {
        var ids = (values ?? []).Select(v => Id(v, field)).Distinct().ToList();
        return ids.Count <= IdsPerList ? ids : throw RefusalException.Validation(field, $"{field} holds at most {IdsPerList} IDs.");
    }

    public static int? Index(int? index, string field = "index") =>
        index < 0 ? throw RefusalException.Validation(field, $"{field} must not be negative.") : index;

    /// <summary>A page size: 1 to <paramref name="max"/>.</summary>
    public static int Page(int first, int max, string field = "first") =>
        first is < 1 || first > max ? throw RefusalException.Validation(field, $"{field} must be 1 to {max}.") : first;

    public static Guid Id(string? value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw RefusalException.Validation(field, $"{field} must be a UUID.");

    public static Guid NewOrGiven(string? value, string field) =>
        value is null ? Guid.CreateVersion7() : Id(value, field);
}
