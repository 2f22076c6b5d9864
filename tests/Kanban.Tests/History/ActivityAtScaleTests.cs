using System.Data.Common;
using System.Diagnostics;
using Kanban.Client;
using Kanban.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Kanban.Tests.History;

/// <summary>
/// A board with 100,000 changes: a page of its history, at the top or deep down, is one range
/// read of the history's key, never a scan of the board's entries and a sort.
/// </summary>
public sealed class ActivityAtScaleTests(ITestOutputHelper output)
{
    private const int Entries = 100_000;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task APageOfAHundredThousandChangesIsOneRangeReadOfTheKey(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var commands = new CommandCounter();
        await using var server = new KanbanServer(db, services: commands.AddTo);
        var ana = await server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync();
        await ana.CreateColumnAsync(board, "Todo"); // seq 1: the entry the others are copied from
        await SeedAsync(db, Entries);

        foreach (var (before, expectedTop) in new (long?, long)[] { (null, Entries + 1), (50_000, 49_999) })
        {
            var clock = Stopwatch.StartNew();
            var page = await ana.ActivityPageAsync(board, before, first: 50);
            clock.Stop();
            var items = page.GetProperty("items");
            Assert.Equal(50, items.GetArrayLength());
            Assert.Equal(expectedTop, items[0].GetProperty("seq").GetInt64());
            Assert.True(page.GetProperty("hasMore").GetBoolean());

            var query = commands.Ran.Last(c => c.Text.Contains("\"Activities\"", StringComparison.Ordinal));
            var plan = await ExplainAsync(db, query);
            output.WriteLine($"{kind}: a page before {before?.ToString() ?? "the newest"} of {Entries:N0} entries in {clock.ElapsedMilliseconds} ms; plan:\n{plan}");
            if (kind == DatabaseKind.Sqlite)
            {
                Assert.Matches("USING (PRIMARY KEY|INDEX sqlite_autoindex_Activities_1) \\(BoardId=", plan); // the key (BoardId, Seq)
                Assert.DoesNotContain("TEMP B-TREE", plan); // no sort: the key gives the order
            }
            else
            {
                Assert.Contains("Index Scan Backward using \"PK_Activities\"", plan);
                Assert.DoesNotContain("Sort", plan);
            }
        }
    }

    /// <summary>Copies the board's first entry into seqs 2 to count + 1, in the database directly.</summary>
    private static async Task SeedAsync(TestDatabase db, int count)
    {
        const string columns = "\"BoardId\", \"Seq\", \"At\", \"ActorId\", \"ActorName\", \"Type\", \"TaskId\", \"ColumnId\", \"TaskVersion\", \"Summary\", \"Before\", \"After\"";
        const string copied = "a.\"BoardId\", a.\"Seq\" + n.x, a.\"At\", a.\"ActorId\", a.\"ActorName\", a.\"Type\", a.\"TaskId\", a.\"ColumnId\", a.\"TaskVersion\", a.\"Summary\", a.\"Before\", a.\"After\"";
        await using var connection = Open(db);
        await connection.OpenAsync();
        await using var seed = connection.CreateCommand();
        seed.CommandText = db.Kind == DatabaseKind.Sqlite
            ? $"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {count}) " +
              $"INSERT INTO \"Activities\" ({columns}) SELECT {copied} FROM \"Activities\" a, n WHERE a.\"Seq\" = 1"
            : $"INSERT INTO \"Activities\" ({columns}) SELECT {copied} FROM \"Activities\" a, generate_series(1, {count}) AS n(x) WHERE a.\"Seq\" = 1; ANALYZE \"Activities\"";
        await seed.ExecuteNonQueryAsync();
    }

    private static async Task<string> ExplainAsync(TestDatabase db, RanCommand query)
    {
        await using var connection = Open(db);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = (db.Kind == DatabaseKind.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + query.Text;
        foreach (var (name, value) in query.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
        return string.Join("\n", lines);
    }

    private static DbConnection Open(TestDatabase db) => db.Kind == DatabaseKind.Sqlite
        ? new SqliteConnection($"Data Source={Path.Combine(db.DataDir, "kanban.db")}")
        : new NpgsqlConnection(db.ConnectionString);
}
