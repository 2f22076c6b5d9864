using System.Text.Json;
using Kanban.Server.Boards;
using Kanban.Server.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kanban.Server.Realtime.Redis;

/// <summary>
/// Presence shared by every server through Redis. Each board has a hash (connection → who and
/// what they edit) and a sorted set (connection → when it expires). A server renews the expiry
/// of its own connections every third of the TTL (<see cref="PresenceHeartbeat"/>), so the
/// viewers of a server that died drop out when their entries expire; reads prune what expired.
/// Writes are issued in the order they happen here (under one lock), so a renewal can never
/// bring back an entry that a later leave removed. A failed write is logged and left to the
/// heartbeat and the TTL to heal: presence is a courtesy, not the board.
/// </summary>
public sealed class RedisPresence(RedisLink redis, IOptions<KanbanOptions> options, TimeProvider clock,
    KanbanMetrics metrics, ILogger<RedisPresence> logger) : IPresence
{
    // Prunes expired entries, then answers the live ones as [connection, entry, ...].
    private static readonly LuaScript ReadLive = LuaScript.Prepare("""
        local dead = redis.call('ZRANGEBYSCORE', @alive, '-inf', @now)
        for i = 1, #dead, 500 do
          local chunk = { unpack(dead, i, math.min(i + 499, #dead)) }
          redis.call('HDEL', @entries, unpack(chunk))
          redis.call('ZREM', @alive, unpack(chunk))
        end
        local live = redis.call('ZRANGEBYSCORE', @alive, '(' .. @now, '+inf')
        local result = {}
        for i = 1, #live, 500 do
          local chunk = { unpack(live, i, math.min(i + 499, #live)) }
          local values = redis.call('HMGET', @entries, unpack(chunk))
          for j = 1, #chunk do
            if values[j] then
              result[#result + 1] = chunk[j]
              result[#result + 1] = values[j]
            end
          end
        end
        return result
        """);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<Guid, Entry>> _local = [];
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(Math.Max(1, options.Value.PresenceTtlSeconds));

    private sealed record Entry(string Id, string Name, Guid? Editing, long EditedAt);

    public TimeSpan Ttl => _ttl;

    public async ValueTask JoinAsync(Guid boardId, string connectionId, UserView user)
    {
        Task write;
        lock (_lock)
        {
            if (!_local.TryGetValue(connectionId, out var boards))
                _local[connectionId] = boards = [];
            if (!boards.TryGetValue(boardId, out var entry))
            {
                boards[boardId] = entry = new Entry(user.Id, user.Name, null, 0);
                metrics.Joined();
            }
            write = Put(redis.Database, boardId, [(connectionId, entry)]);
        }
        await Settle(write, "join");
    }

    public async ValueTask<bool> LeaveAsync(Guid boardId, string connectionId)
    {
        Task<bool> removed;
        bool wasLocal;
        lock (_lock)
        {
            wasLocal = _local.TryGetValue(connectionId, out var boards) && boards.Remove(boardId);
            if (wasLocal)
                metrics.Left();
            if (boards is { Count: 0 })
                _local.Remove(connectionId);
            removed = Remove(redis.Database, boardId, connectionId);
        }
        try
        {
            return await removed || wasLocal;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(e, "leave");
            return wasLocal;
        }
    }

    public async ValueTask<bool> SetEditingAsync(Guid boardId, string connectionId, Guid? taskId)
    {
        Task write;
        lock (_lock)
        {
            if (!_local.TryGetValue(connectionId, out var boards) || !boards.TryGetValue(boardId, out var entry))
                return false;
            boards[boardId] = entry = entry with { Editing = taskId, EditedAt = clock.GetUtcNow().Ticks };
            // Only the entry: the expiry stays as it is, so a put-out connection cannot revive itself.
            write = SetEntry(boardId, connectionId, entry);
        }
        await Settle(write, "editing");
        return true;
    }

    public async ValueTask<IReadOnlyList<Guid>> DisconnectAsync(string connectionId)
    {
        List<Guid> left;
        List<Task> writes = [];
        lock (_lock)
        {
            if (!_local.Remove(connectionId, out var boards))
                return [];
            left = [.. boards.Keys];
            foreach (var boardId in left)
            {
                metrics.Left();
                writes.Add(Remove(redis.Database, boardId, connectionId));
            }
        }
        await Settle(Task.WhenAll(writes), "disconnect");
        return left;
    }

    /// <summary>The live connections on a board on every server, of one user or of everyone.</summary>
    public async ValueTask<IReadOnlyList<string>> ConnectionsAsync(Guid boardId, string? userId = null) =>
        (await LiveAsync(boardId)).Where(e => userId is null || e.Entry.Id == userId).Select(e => e.ConnectionId).ToList();

    public async ValueTask<IReadOnlyList<Viewer>> ViewersAsync(Guid boardId) =>
        (await LiveAsync(boardId))
            .GroupBy(e => e.Entry.Id)
            .Select(g =>
            {
                var latest = g.MaxBy(e => e.Entry.EditedAt).Entry;
                return new Viewer(new UserView(latest.Id, latest.Name), g.Count(), latest.Editing);
            })
            .OrderBy(v => v.User.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.User.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>This server's connections, by board, with their users.</summary>
    public IReadOnlyDictionary<Guid, List<(string ConnectionId, string UserId)>> Local()
    {
        lock (_lock)
            return _local.SelectMany(c => c.Value.Select(b => (Board: b.Key, c.Key, b.Value.Id)))
                .GroupBy(x => x.Board)
                .ToDictionary(g => g.Key, g => g.Select(x => (x.Key, x.Id)).ToList());
    }

    /// <summary>
    /// Renews this server's entries; answers the boards that hold expired entries (another
    /// server's viewers), whose presence should be announced again.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RenewAsync()
    {
        var db = redis.Database;
        var renewals = new List<Task>();
        List<Guid> boards;
        lock (_lock)
        {
            var expiry = Expiry();
            var byBoard = _local.SelectMany(c => c.Value.Keys.Select(b => (Board: b, Connection: c.Key))).GroupBy(x => x.Board).ToList();
            boards = byBoard.Select(g => g.Key).ToList();
            foreach (var board in byBoard)
            {
                // XX: renew only entries still there, never recreate one a put-out removed.
                var members = board.Select(x => new SortedSetEntry(x.Connection, expiry)).ToArray();
                renewals.Add(db.SortedSetAddAsync(AliveKey(board.Key), members, SortedSetWhen.Exists));
                renewals.Add(KeepKeysAsync(db, board.Key));
            }
        }
        await Task.WhenAll(renewals);

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var stale = await Task.WhenAll(boards.Select(async b => (Board: b, Expired: await db.SortedSetLengthAsync(AliveKey(b), double.NegativeInfinity, now))));
        return stale.Where(s => s.Expired > 0).Select(s => s.Board).ToList();
    }

    /// <summary>Writes every entry of this server again: after Redis lost its data, or came back.</summary>
    public async Task RestoreAsync()
    {
        var writes = new List<Task>();
        lock (_lock)
        {
            foreach (var board in _local.SelectMany(c => c.Value.Select(b => (Board: b.Key, Connection: c.Key, Entry: b.Value))).GroupBy(x => x.Board))
                writes.Add(Put(redis.Database, board.Key, board.Select(x => (x.Connection, x.Entry)).ToList()));
        }
        await Task.WhenAll(writes);
    }

    private async Task<List<(string ConnectionId, Entry Entry)>> LiveAsync(Guid boardId)
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(ReadLive, new
        {
            entries = (RedisKey)EntriesKey(boardId),
            alive = (RedisKey)AliveKey(boardId),
            now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }))!;
        var live = new List<(string, Entry)>(result.Length / 2);
        for (var i = 0; i + 1 < result.Length; i += 2)
            if (JsonSerializer.Deserialize<Entry>((string)result[i + 1]!) is { } entry)
                live.Add(((string)result[i]!, entry));
        return live;
    }

    private async Task Put(IDatabase db, Guid boardId, IReadOnlyCollection<(string Connection, Entry Entry)> entries)
    {
        var expiry = Expiry();
        await Task.WhenAll(
            db.HashSetAsync(EntriesKey(boardId), entries.Select(e => new HashEntry(e.Connection, Serialize(e.Entry))).ToArray()),
            db.SortedSetAddAsync(AliveKey(boardId), entries.Select(e => new SortedSetEntry(e.Connection, expiry)).ToArray()),
            KeepKeysAsync(db, boardId));
    }

    private async Task SetEntry(Guid boardId, string connectionId, Entry entry) =>
        await redis.Database.HashSetAsync(EntriesKey(boardId), connectionId, Serialize(entry));

    // Both commands are issued before the first await, so callers still issue them under the lock.
    private async Task<bool> Remove(IDatabase db, Guid boardId, string connectionId)
    {
        var removed = db.HashDeleteAsync(EntriesKey(boardId), connectionId);
        await db.SortedSetRemoveAsync(AliveKey(boardId), connectionId);
        return await removed;
    }

    // A board nobody renews (every server gone) leaves nothing behind for long.
    private async Task KeepKeysAsync(IDatabase db, Guid boardId) => await Task.WhenAll(
        db.KeyExpireAsync(EntriesKey(boardId), _ttl * 3),
        db.KeyExpireAsync(AliveKey(boardId), _ttl * 3));

    private double Expiry() => (clock.GetUtcNow() + _ttl).ToUnixTimeMilliseconds();

    private string EntriesKey(Guid boardId) => $"{redis.Prefix}:presence:{boardId}";
    private string AliveKey(Guid boardId) => $"{redis.Prefix}:presence:{boardId}:alive";

    private static string Serialize(Entry entry) => JsonSerializer.Serialize(entry);

    private async Task Settle(Task write, string what)
    {
        try
        {
            await write;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(e, what);
        }
    }

    private void Failed(Exception e, string what)
    {
        metrics.BackplaneError("presence");
        logger.LogWarning(e, "Presence {What} did not reach Redis; the heartbeat will repair it", what);
    }
}
