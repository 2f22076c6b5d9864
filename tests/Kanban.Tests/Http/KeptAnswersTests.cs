using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Http;

public sealed class KeptAnswersTestsOnSqlite(SqliteServer f) : KeptAnswersTests(f), IClassFixture<SqliteServer>;

public sealed class KeptAnswersTestsOnPostgres(PostgresServer f) : KeptAnswersTests(f), IClassFixture<PostgresServer>;

/// <summary>
/// A board query that the board kept for its seq can answer is answered from it, written there
/// or kept from before: byte for byte what the query's own run through GraphQL.NET answers, for
/// that caller, and never outliving the seq.
/// </summary>
public abstract class KeptAnswersTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    // The web client's board query (web/src/api/fragments.ts): fragments, every field a kept board holds.
    private const string Fragments = """
        fragment BoardFields on Board { id name seq __typename
          columns { ...ColumnFields tasks { ...TaskFields } } members { ...MemberFields } labels { id boardId name color } }
        fragment ColumnFields on Column { id boardId name rank }
        fragment TaskFields on Task { id boardId columnId title description rank version createdAt updatedAt createdBy { id name }
          dueDate labelIds assigneeIds commentCount checklist { id taskId text done rank } }
        fragment MemberFields on Member { role email user { id name } }
        """;
    private const string Board = "query Board($id: ID!) { board(id: $id) { ...BoardFields } } " + Fragments;

    // The same selection under a directive, which no answer is kept for: the query's own run.
    private const string Run = "query Board($id: ID!) { board(id: $id) @include(if: true) { ...BoardFields } } " + Fragments;

    [Fact]
    public async Task AnAnswerFromTheKeptBoardIsTheQuerysOwnAnswerForThatCallerAndSeq()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var eve = await _server.SignUpAsync("eve");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var todo = await ana.CreateColumnAsync(board, "À faire <now>");
        await ana.CreateColumnAsync(board, "Done");
        var task = (await ana.CreateTaskAsync(todo, "Write the plan")).Str("id");
        await ana.CreateTaskAsync(todo, "שלום & \"quotes\" \u2028 ✓");
        await ana.DataAsync("mutation($b: ID!) { createLabel(input: { boardId: $b, name: \"Bug\", color: RED }) { id } }", new { b = board });
        await ana.DataAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
            new { i = new { id = task, dueDate = "2030-01-31", addAssigneeIds = new[] { ben.UserId } } });
        await ana.DataAsync("mutation($t: ID!) { addChecklistItem(input: { taskId: $t, text: \"First step\" }) { id } }", new { t = task });
        using var answers = new ServerMeasurements<long>(_server, "kanban.graphql.board_answers");

        // Asked three times each: the first of the text is run (and validated), then written from
        // the kept board, then kept: each the same bytes as the query's own run.
        foreach (var who in new[] { ana, ben })
        {
            var first = await RawAsync(who, Board, board);
            for (var again = 0; again < 2; again++)
                Assert.Equal(first, await RawAsync(who, Board, board));
            Assert.Equal(first, await RawAsync(who, Run, board));
        }
        Assert.True(answers.Sum("written") >= 2, $"{answers.Sum("written")} answers written from a kept board");
        Assert.True(answers.Sum("kept") >= 2, $"{answers.Sum("kept")} kept answers sent");

        // Each caller their own: emails for the owner only.
        var owners = JsonDocument.Parse(await RawAsync(ana, Board, board)).RootElement.GetProperty("board");
        var editors = JsonDocument.Parse(await RawAsync(ben, Board, board)).RootElement.GetProperty("board");
        Assert.All(owners.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.String, m.GetProperty("email").ValueKind));
        Assert.All(editors.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("email").ValueKind));

        // A change is in the next answer at once, and a non-member still gets nothing.
        await ben.DataAsync("mutation($id: ID!) { updateTask(input: { id: $id, title: \"Write the plan again\" }) { id } }", new { id = task });
        var changed = JsonDocument.Parse(await RawAsync(ana, Board, board)).RootElement.GetProperty("board");
        Assert.Equal(owners.GetProperty("seq").GetInt64() + 1, changed.GetProperty("seq").GetInt64());
        Assert.Equal("Write the plan again", changed.GetProperty("columns")[0].GetProperty("tasks")[0].Str("title"));
        var refused = await eve.SendAsync(Board, new { id = board });
        Assert.Equal((await eve.SendAsync(Run, new { id = board })).Errors.Select(e => e.GetRawText()), refused.Errors.Select(e => e.GetRawText()));
        Assert.Equal(JsonValueKind.Null, refused.Data.GetProperty("board").ValueKind);
    }

    [Fact]
    public async Task OnlyQueriesOfWhatTheKeptBoardHoldsAreAnsweredFromIt()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var task = (await ana.CreateTaskAsync(todo, "Talk it over")).Str("id");
        using var answers = new ServerMeasurements<long>(_server, "kanban.graphql.board_answers");

        // Comments are read on their own; an alias could ask for anything twice.
        const string Comments = "query($id: ID!) { board(id: $id) { columns { tasks { comments { comments { body } } } } } }";
        const string Aliased = "query($id: ID!) { board(id: $id) { seq again: seq } }";
        foreach (var query in new[] { Comments, Aliased })
        {
            await RawAsync(ana, query, board);
            await RawAsync(ana, query, board);
        }
        await ana.DataAsync("mutation($t: ID!) { addComment(input: { taskId: $t, body: \"Agreed\" }) { id } }", new { t = task });
        Assert.Contains("Agreed", await RawAsync(ana, Comments, board));
        Assert.Equal(0, answers.Total);
    }

    private static async Task<string> RawAsync(Api who, string query, string board)
    {
        var result = await who.SendAsync(query, new { id = board });
        Assert.True(result.Errors.Length == 0, string.Join("; ", result.Errors.Select(e => e.ToString())));
        return result.Data.GetRawText();
    }
}
