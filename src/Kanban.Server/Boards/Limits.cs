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
    public const int SearchTextLength = 200;
    public const int SearchPage = 100;
    public const int MyTasksPage = 500;

    /// <summary>A board, column or task name or title: stored trimmed, 1 to 200 characters.</summary>
    public static string Name(string? value, string field)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 or > NameLength)
            throw RefusalException.Validation(field, $"{field} must be 1 to {NameLength} characters.");
        return trimmed;
    }

    public static string Description(string? value)
    {
        value ??= "";
        if (value.Length > DescriptionLength)
            throw RefusalException.Validation("description", $"description must be at most {DescriptionLength} characters.");
        return value;
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
