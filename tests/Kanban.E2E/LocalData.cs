using Microsoft.Playwright;

namespace Kanban.E2E;

/// <summary>What the app kept in the page's IndexedDB, read from inside the page.</summary>
public static class LocalData
{
    public static async Task<string> UserIdAsync(this Person person) =>
        (await person.GraphQLAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!;

    /// <summary>The app's database of one user (web/src/offline/localDb.ts).</summary>
    public static string DatabaseName(string userId) => $"kanban-{userId}";

    public static async Task<string[]> DatabaseNamesAsync(this IPage page) =>
        await page.EvaluateAsync<string[]>("async () => (await indexedDB.databases()).map(d => d.name)");

    /// <summary>The seq of the board as kept for the user, or null; opens no database that is not there.</summary>
    public static async Task<long?> KeptSeqAsync(this IPage page, string userId, string boardId) =>
        await page.EvaluateAsync<long?>(
            """
            async ([name, boardId]) => {
              if (!(await indexedDB.databases()).some(d => d.name === name)) return null;
              return await new Promise((resolve, reject) => {
                const open = indexedDB.open(name);
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const db = open.result;
                  if (!db.objectStoreNames.contains('boards')) { db.close(); resolve(null); return; }
                  const get = db.transaction('boards').objectStore('boards').get(boardId);
                  get.onerror = () => { db.close(); reject(get.error); };
                  get.onsuccess = () => { db.close(); resolve(get.result ? get.result.seq : null); };
                };
              });
            }
            """,
            new[] { DatabaseName(userId), boardId });

    /// <summary>The names on the user's kept board list (empty when none is kept).</summary>
    public static async Task<string[]> KeptBoardNamesAsync(this IPage page, string userId) =>
        await page.EvaluateAsync<string[]>(
            """
            async (name) => {
              if (!(await indexedDB.databases()).some(d => d.name === name)) return [];
              return await new Promise((resolve, reject) => {
                const open = indexedDB.open(name);
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const db = open.result;
                  if (!db.objectStoreNames.contains('boardList')) { db.close(); resolve([]); return; }
                  const get = db.transaction('boardList').objectStore('boardList').get('boards');
                  get.onerror = () => { db.close(); reject(get.error); };
                  get.onsuccess = () => { db.close(); resolve((get.result ?? []).map(b => b.name)); };
                };
              });
            }
            """,
            DatabaseName(userId));

    /// <summary>Waits until the user's kept board list names the board.</summary>
    public static Task WaitUntilListKeptAsync(this IPage page, string userId, string boardName) =>
        Eventually.HoldsAsync(async () => Assert.Contains(boardName, await page.KeptBoardNamesAsync(userId)));

    /// <summary>Waits until the board is kept at <paramref name="seq"/> (writes are coalesced, about once a second).</summary>
    public static Task WaitUntilKeptAsync(this IPage page, string userId, string boardId, long seq) =>
        Eventually.HoldsAsync(async () => Assert.Equal(seq, await page.KeptSeqAsync(userId, boardId)));

    /// <summary>Counts the page's <c>board</c> queries (a whole board loaded) from now on.</summary>
    public static Func<int> CountBoardQueries(this IPage page)
    {
        var count = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/graphql", StringComparison.Ordinal) && request.PostData?.Contains("query Board(", StringComparison.Ordinal) == true)
                Interlocked.Increment(ref count);
        };
        return () => Volatile.Read(ref count);
    }

    /// <summary>True once the page's outbox in IndexedDB holds `count` entries.</summary>
    public const string StoredOutboxCount = """
        async (count) => {
          const dbs = await indexedDB.databases();
          for (const { name } of dbs) {
            if (!name?.startsWith('kanban-')) continue;
            const db = await new Promise((ok, fail) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = fail; });
            if (!db.objectStoreNames.contains('outbox')) { db.close(); continue; }
            const n = await new Promise((ok) => { const r = db.transaction('outbox').objectStore('outbox').count(); r.onsuccess = () => ok(r.result); });
            db.close();
            if (n === count) return true;
          }
          return false;
        }
        """;
}
