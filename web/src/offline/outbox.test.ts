import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ErrorCode } from '../api/errors';
import type { Answered } from '../api/graphql';
import { deleteLocalDb, openLocalDb, type LocalDb, type OutboxEntry } from './localDb';
import { Outbox, type NewEntry, type OutboxDeps } from './outbox';

/** A server in a test: answers each write with the next seq, or as `answer` says. */
function fakeServer() {
  let seq = 10;
  const sent: string[] = [];
  const server = {
    sent,
    down: false,
    answer: (_entry: OutboxEntry): Answered<unknown> | ApiError | null => null,
    send: async (entry: OutboxEntry): Promise<Answered<unknown>> => {
      await Promise.resolve();
      if (server.down) throw new ApiError(ErrorCode.Network, 'down');
      sent.push(entry.label);
      const special = server.answer(entry);
      if (special instanceof ApiError) throw special;
      return special ?? { value: { label: entry.label }, seq: ++seq };
    },
  };
  return server;
}

/** Web Locks for tabs of one test: the first asker holds it until it lets go. */
function fakeLocks(): LockManager {
  const queue: (() => void)[] = [];
  let held = false;
  const next = () => {
    const run = queue.shift();
    if (run) run();
    else held = false;
  };
  return {
    request: ((_name: string, callback: () => Promise<void>) =>
      new Promise<void>((resolve) => {
        const run = () => {
          held = true;
          void callback().finally(() => {
            resolve();
            next();
          });
        };
        if (held) queue.push(run);
        else run();
      })) as unknown as LockManager['request'],
    query: async () => ({}),
  } as LockManager;
}

let dbs: LocalDb[] = [];
let outboxes: Outbox[] = [];
let users = 0;

async function setUp(overrides: Partial<OutboxDeps> = {}, userId = `u${++users}`) {
  const db = await openLocalDb(userId);
  dbs.push(db);
  const server = fakeServer();
  let refs = 0;
  let online = true;
  const reports: string[] = [];
  const make = (more: Partial<OutboxDeps> = {}) => {
    const outbox = new Outbox({
      db,
      userId,
      tabId: 'tab-1',
      send: (entry) => server.send(entry),
      isOnline: () => online,
      newRef: () => `${userId}-r${++refs}`,
      report: (message) => reports.push(message),
      retryMs: () => 50,
      ...overrides,
      ...more,
    });
    outboxes.push(outbox);
    return outbox;
  };
  const outbox = make();
  await outbox.start();
  return { db, server, outbox, make, reports, userId, setOnline: (value: boolean) => (online = value) };
}

const write = (label: string, kind = 'updateTask'): NewEntry => ({ boardId: 'b1', kind, variables: { label }, label });
const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });

afterEach(async () => {
  for (const outbox of outboxes) outbox.dispose();
  for (const db of dbs) await deleteLocalDb(db.name.replace(/^kanban-/, ''), db);
  outboxes = [];
  dbs = [];
});

describe('the outbox', () => {
  it('keeps a change in IndexedDB before sending it, and drops it once answered', async () => {
    const { db, server, outbox } = await setUp();
    server.down = true;
    const { done } = outbox.add(write('one'));
    await until(async () => expect((await db.getAll('outbox')).map((e) => e.label)).toEqual(['one']));
    server.down = false;
    outbox.wake();
    expect(await done).toMatchObject({ ok: true, seq: 11 });
    expect(await db.getAll('outbox')).toEqual([]);
    expect(outbox.entries()).toEqual([]);
  });

  it('while offline, queues every change and sends none; back online, sends them oldest first', async () => {
    const { server, outbox, setOnline } = await setUp();
    setOnline(false);
    const done = ['create', 'edit', 'move', 'delete'].map((label) => outbox.add(write(label)).done);
    await outbox.idle();
    await new Promise((r) => setTimeout(r, 20));
    expect(server.sent).toEqual([]);
    expect(outbox.entries().map((e) => [e.label, e.status, e.waited])).toEqual([
      ['create', 'waiting', true],
      ['edit', 'waiting', true],
      ['move', 'waiting', true],
      ['delete', 'waiting', true],
    ]);
    setOnline(true);
    outbox.wake();
    const outcomes = await Promise.all(done);
    expect(server.sent).toEqual(['create', 'edit', 'move', 'delete']);
    expect(outcomes.map((o) => o.ok && o.seq)).toEqual([11, 12, 13, 14]);
  });

  it('a change that cannot reach the server waits and is tried again, never dropped', async () => {
    const { server, outbox } = await setUp();
    server.down = true;
    const { done } = outbox.add(write('one'));
    await until(() => expect(outbox.entries()[0]?.waited).toBe(true));
    server.down = false;
    expect(await done).toMatchObject({ ok: true });
    expect(server.sent).toEqual(['one']);
  });

  it('a queued change the server refuses goes to the refused list with the current value; the rest still go', async () => {
    const { db, server, outbox, setOnline } = await setUp();
    setOnline(false);
    const first = outbox.add(write('retitle')).done;
    const second = outbox.add(write('move')).done;
    server.answer = (entry) => (entry.label === 'retitle' ? new ApiError(ErrorCode.Conflict, 'changed', undefined, { id: 't1', title: 'Theirs', version: 3 }) : null);
    setOnline(true);
    outbox.wake();
    expect(await first).toMatchObject({ ok: false, queued: true, error: { code: ErrorCode.Conflict } });
    expect(await second).toMatchObject({ ok: true });
    const stored = await db.getAll('outbox');
    expect(stored.map((e) => [e.label, e.status, e.refusal])).toEqual([['retitle', 'refused', { code: 'CONFLICT', message: 'changed', current: { id: 't1', title: 'Theirs', version: 3 } }]]);
    expect(outbox.entries().map((e) => e.status)).toEqual(['refused']);
  });

  it('a change refused at its first try goes back to its maker (a toast), not to the list', async () => {
    const { db, server, outbox } = await setUp();
    server.answer = () => new ApiError(ErrorCode.Forbidden, 'no');
    expect(await outbox.add(write('one')).done).toMatchObject({ ok: false, queued: false });
    expect(await db.getAll('outbox')).toEqual([]);
  });

  it('a delete of what is gone already is done', async () => {
    const { server, outbox } = await setUp({ goneIsDone: (entry) => (entry.kind === 'deleteTask' ? { id: 't1', success: true } : null) });
    server.answer = () => new ApiError(ErrorCode.NotFound, 'gone');
    expect(await outbox.add(write('delete', 'deleteTask')).done).toEqual({ ok: true, value: { id: 't1', success: true }, seq: null });
  });

  it('keep mine sends a refused change again with new variables; discard drops one', async () => {
    const { db, server, outbox, setOnline } = await setUp();
    setOnline(false);
    const a = outbox.add(write('a')).done;
    const b = outbox.add(write('b')).done;
    server.answer = (entry) => (entry.variables.version === undefined ? new ApiError(ErrorCode.Conflict, 'changed') : null);
    setOnline(true);
    outbox.wake();
    await Promise.all([a, b]);
    const [refusedA, refusedB] = outbox.entries();
    await outbox.retry(refusedA.ref, { ...refusedA.variables, version: 4 });
    await until(() => expect(outbox.entries().map((e) => e.label)).toEqual(['b']));
    await outbox.discard(refusedB.ref);
    expect(await db.getAll('outbox')).toEqual([]);
    expect(server.sent).toEqual(['a', 'b', 'a']);
  });

  it('what waited when the tab closed is sent by the next one to open', async () => {
    const { db, server, outbox, make, setOnline } = await setUp();
    setOnline(false);
    outbox.add(write('one'));
    outbox.add(write('two'));
    await until(async () => expect(await db.count('outbox')).toBe(2));
    outbox.dispose();
    setOnline(true);
    const next = make({ tabId: 'tab-2' });
    await next.start();
    await until(() => expect(server.sent).toEqual(['one', 'two']));
    await next.idle();
    expect(await db.count('outbox')).toBe(0);
  });

  it('a full disk is said, and the change is sent directly when online', async () => {
    const { db, server, outbox, reports } = await setUp();
    vi.spyOn(db, 'add').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    expect(await outbox.add(write('one')).done).toMatchObject({ ok: true });
    expect(server.sent).toEqual(['one']);
    expect(reports[0]).toMatch(/storage is full/);
  });

  it('a full disk while offline refuses the change with a message, never silently', async () => {
    const { db, outbox, reports, setOnline } = await setUp();
    setOnline(false);
    vi.spyOn(db, 'add').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const outcome = await outbox.add(write('one')).done;
    expect(outcome).toMatchObject({ ok: false, queued: false });
    expect(!outcome.ok && outcome.error.message).toMatch(/storage is full and you are offline/);
    expect(reports).toHaveLength(1);
    expect(outbox.entries()).toEqual([]);
  });
});

describe('two tabs of one user', () => {
  it('share one outbox: one tab sends every change exactly once, and each tab hears how its own ended', async () => {
    const userId = `u${++users}`;
    const locks = fakeLocks();
    const channel = (name: string) => new BroadcastChannel(name);
    const first = await setUp({ locks, channel: channel(`outbox-${userId}`) }, userId);
    const secondTab = first.make({ tabId: 'tab-2', locks, channel: channel(`outbox-${userId}`) });
    await secondTab.start();
    first.setOnline(false);
    const mine = [first.outbox.add(write('a1')).done, first.outbox.add(write('a2')).done];
    const theirs = [secondTab.add(write('b1')).done, secondTab.add(write('b2')).done];
    await until(async () => expect(await first.db.count('outbox')).toBe(4));
    await until(() => expect(first.outbox.entries()).toHaveLength(4)); // the other tab's too
    first.setOnline(true);
    first.outbox.wake();
    secondTab.wake();
    const outcomes = await Promise.all([...mine, ...theirs]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect([...first.server.sent].sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(first.server.sent).toEqual(['a1', 'a2', 'b1', 'b2']);
    await until(() => expect(secondTab.entries()).toEqual([]));
  });
});
