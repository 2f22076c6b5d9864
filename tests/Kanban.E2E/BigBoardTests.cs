using System.Text;
using System.Text.Json;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>
/// A board the size of a busy team's: 2,000 tasks with labels, assignees, due dates and
/// checklists. The Browser shows all of it, and the page's own timing of how long that took is
/// reported (never asserted: CI machines differ; docs/performance.md has the figures).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BigBoardTests(Browser browser, ITestOutputHelper output) : BrowserTest(browser)
{
    private const int Columns = 5, TasksPerColumn = 400, ChecklistItems = 5;

    [Fact]
    public async Task ABoardOfTwoThousandTasksWithTheirDetailIsShownAndItsLoadTimeReported()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        // Filling the board is 14,000 changes; the per-user mutation limit would pace them.
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["RATE_LIMIT_PER_SECOND"] = "0" });
        var ana = await Person.SignUpAsync(Browser, server, "Ana");
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Big\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        var labels = new List<string>();
        foreach (var (name, colour) in new[] { ("Bug", "RED"), ("Design", "PURPLE"), ("Docs", "BLUE") })
            labels.Add((await ana.GraphQLAsync("mutation($b: ID!, $n: String!, $c: LabelColor!) { createLabel(input: { boardId: $b, name: $n, color: $c }) { id } }",
                new { b = board, n = name, c = colour })).GetProperty("createLabel").GetProperty("id").GetString()!);
        var me = (await ana.GraphQLAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!;

        var started = DateTime.UtcNow;
        var columnIds = new List<string>();
        for (var c = 0; c < Columns; c++)
            columnIds.Add((await ana.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }",
                new { b = board, n = $"Column {c + 1}" })).GetProperty("createColumn").GetProperty("id").GetString()!);
        // Client-chosen IDs let one request create the tasks and the next give them their detail.
        var tasks = Enumerable.Range(0, Columns * TasksPerColumn).Select(i => (Id: Guid.NewGuid().ToString(), Index: i)).ToList();
        await InBatchesAsync(ana, tasks, 50, t =>
            $"createTask(input: {{ id: \"{t.Id}\", columnId: \"{columnIds[t.Index % Columns]}\", title: \"Task {t.Index + 1}\", description: \"Steps to reproduce, expected and actual.\" }}) {{ id }}");
        var today = DateOnly.FromDateTime(DateTime.Now);
        await InBatchesAsync(ana, tasks, 50, t =>
            $"updateTask(input: {{ id: \"{t.Id}\", dueDate: \"{today.AddDays(t.Index % 20 - 5):yyyy-MM-dd}\", addLabelIds: [\"{labels[t.Index % labels.Count]}\"], addAssigneeIds: [\"{me}\"] }}) {{ id }}");
        await InBatchesAsync(ana, tasks.SelectMany(t => Enumerable.Range(1, ChecklistItems).Select(n => (t.Id, Index: n))).ToList(), 100, item =>
            $"addChecklistItem(input: {{ taskId: \"{item.Id}\", text: \"Step {item.Index}\" }}) {{ id }}");
        output.WriteLine($"filled the board ({tasks.Count} tasks, {tasks.Count * (2 + ChecklistItems)} changes) in {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        var page = ana.Page;
        using var catchUps = new ServerMeasurements<long>(server, "kanban.catchups");
        await page.GotoAsync($"/boards/{board}");
        // The page marks the moment its board is first on screen (performance.mark).
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('kanban:board-shown').length > 0", null, new() { Timeout = 30_000 });
        var shownAt = await page.EvaluateAsync<double>("() => performance.getEntriesByName('kanban:board-shown')[0].startTime");
        output.WriteLine($"board shown {shownAt:F0} ms after navigation began ({tasks.Count} tasks with labels, an assignee, a due date and {ChecklistItems} checklist items)");
        var results = Environment.GetEnvironmentVariable("KANBAN_SCREENSHOTS") is { } screenshots ? Path.GetDirectoryName(screenshots)! : AppContext.BaseDirectory;
        await File.AppendAllTextAsync(Path.Combine(results, "board-load.txt"),
            $"{DateTime.UtcNow:u} board of {tasks.Count} detailed tasks shown {shownAt:F0} ms after navigation began{Environment.NewLine}");

        // The page read the board once: its join, made once the query had answered, asked only
        // for what came after (no second whole board sent, parsed and applied).
        await Eventually.HoldsAsync(() => Task.Run(() => Assert.True(catchUps.Sum("events") >= 1, "the page never joined the board")));
        Assert.Equal(0, catchUps.Sum("snapshot"));

        // Every task is on the board: each column says how many it holds, and its last card is there.
        for (var c = 0; c < Columns; c++)
            await Expect(page.Locator("section.column").Nth(c).Locator(".column-count")).ToHaveTextAsync($"{TasksPerColumn} tasks");
        // A long column renders a first screenful and more as it is scrolled, down to its last card.
        var lastColumn = page.Locator("section.column").Nth(Columns - 1);
        var lastCard = lastColumn.GetByRole(AriaRole.Button, new() { Name = $"Task {tasks[^1].Index + 1}", Exact = true });
        var list = lastColumn.Locator(".column-tasks");
        for (var scrolls = 0; await lastCard.CountAsync() == 0; scrolls++)
        {
            Assert.True(scrolls < TasksPerColumn, "scrolling down the column never reached its last card");
            var before = await list.Locator("> li.card").CountAsync();
            await list.EvaluateAsync("list => list.scrollTop = list.scrollHeight");
            await Expect(list.Locator("> li.card")).Not.ToHaveCountAsync(before);
        }
        await Expect(list.Locator("> li.card")).ToHaveCountAsync(TasksPerColumn);
        await Expect(list.GetByText("scroll for more")).ToHaveCountAsync(0);
    }

    /// <summary>Sends one mutation field per item, <paramref name="size"/> fields to a request, two requests at a time.</summary>
    private static async Task InBatchesAsync<T>(Person person, IReadOnlyList<T> items, int size, Func<T, string> field)
    {
        var batches = items.Chunk(size).Select(batch =>
        {
            var document = new StringBuilder("mutation {");
            for (var i = 0; i < batch.Length; i++)
                document.Append(" m").Append(i).Append(": ").Append(field(batch[i]));
            return document.Append(" }").ToString();
        }).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (document, _) => await person.GraphQLAsync(document));
    }
}
