using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>
/// One search query per database, each on its own full-text engine (the index and the triggers or
/// generated columns that feed it come from the TaskSearch migrations). Both answer the IDs of the
/// caller's tasks, best first, then by ID, and both mean the same: every word appears somewhere in
/// the task's title, description or comments, the last word perhaps as a prefix; a match in the
/// title counts most, then the description, then a comment.
/// User text reaches them only as parameters, and only as <see cref="SearchWords"/>' quoted words.
/// Raw SQL passes by the model's trash filter, so each leaves trashed tasks out itself.
/// </summary>
internal static class FullTextSearch
{
    public static Task<List<Guid>> RunAsync(KanbanDb db, SearchWords words, string userId, Guid? boardId, int first, CancellationToken ct) =>
        (db.Database.IsNpgsql() ? Postgres(db, words, userId, boardId, first) : Sqlite(db, words, userId, boardId, first)).ToListAsync(ct);

    // bm25 is lower for better matches; the weights are those of Title, Description, Comments.
    private static IQueryable<Guid> Sqlite(KanbanDb db, SearchWords words, string userId, Guid? boardId, int first) =>
        db.Database.SqlQuery<Guid>($"""
            SELECT t."Id" AS "Value"
            FROM "TaskSearch" s
            JOIN "TaskSearchKeys" k ON k."Key" = s.rowid
            JOIN "Tasks" t ON t."Id" = k."TaskId"
            JOIN "Members" m ON m."BoardId" = t."BoardId" AND m."UserId" = {userId}
            WHERE "TaskSearch" MATCH {words.Fts5Query()} AND t."DeletedAt" IS NULL AND ({boardId is null} OR t."BoardId" = {boardId ?? Guid.Empty})
            ORDER BY bm25("TaskSearch", 10.0, 4.0, 1.0), t."Id"
            LIMIT {first}
            """);

    // The candidates come from the two GIN indexes (any word, in the task or in one of its
    // comments); a candidate stays when each word is in its text or in some comment of it. Its
    // rank is the better of its own text's and its best comment's (title A, description B,
    // comment D weigh 1.0, 0.4 and 0.1 in ts_rank).
    private static IQueryable<Guid> Postgres(KanbanDb db, SearchWords words, string userId, Guid? boardId, int first) =>
        db.Database.SqlQuery<Guid>($"""
            WITH q AS (SELECT to_tsquery('simple', {words.AnyTsQuery()}) AS any_word),
            found AS (
                SELECT t."Id" FROM "Tasks" t, q WHERE t."SearchVector" @@ q.any_word
                UNION
                SELECT c."TaskId" FROM "Comments" c, q WHERE c."SearchVector" @@ q.any_word
            )
            SELECT t."Id" AS "Value"
            FROM found f
            JOIN "Tasks" t ON t."Id" = f."Id"
            JOIN "Members" m ON m."BoardId" = t."BoardId" AND m."UserId" = {userId}
            CROSS JOIN q
            WHERE t."DeletedAt" IS NULL AND ({boardId is null} OR t."BoardId" = {boardId ?? Guid.Empty})
              AND NOT EXISTS (
                  SELECT 1 FROM unnest({words.TsQueries().ToArray()}::text[]) AS w(word)
                  WHERE NOT (t."SearchVector" @@ to_tsquery('simple', w.word)
                      OR EXISTS (SELECT 1 FROM "Comments" c WHERE c."TaskId" = t."Id" AND c."SearchVector" @@ to_tsquery('simple', w.word))))
            ORDER BY greatest(ts_rank(t."SearchVector", q.any_word),
                coalesce((SELECT max(ts_rank(c."SearchVector", q.any_word)) FROM "Comments" c WHERE c."TaskId" = t."Id"), 0)) DESC,
                t."Id"
            LIMIT {first}
            """);
}
