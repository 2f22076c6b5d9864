import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoggedEvent } from '../api/types';
import { EventName, type BoardEvent } from '../realtime/events';
import { draftKey } from '../store/boardState';
import { BoardStore } from '../store/boardStore';
import { placeTask } from '../store/localChanges';
import { tasksOf } from '../store/selectors';
import { ANA, BOARD, event, snapshot, task, TODO } from '../test/fixtures';
import { keepBoard } from './keptBoard';
import { deleteLocalDb, openLocalDb, saveBoard, savedBoard, type SavedBoard } from './localDb';

const created = (seq: number, id: string): BoardEvent => event(EventName.TaskCreated, seq, { task: task(id, TODO, `b${seq}`) });
const logged = (e: BoardEvent): LoggedEvent => {
  const { seq, type, actor, origin, at, ...rest } = e;
  return { seq, type, actor, origin, at, payload: { type, seq, actor, origin, at, ...rest } };
};

function makeStore(log: BoardEvent[] = []) {
  const fetchEvents = vi.fn(async (_board: string, afterSeq: number) => ({
    events: log.filter((e) => e.seq > afterSeq).map(logged),
    hasMore: false,
    resetRequired: false,
  }));
  const fetchBoard = vi.fn(async () => snapshot(99));
  const store = new BoardStore(BOARD, ANA.id, { clientId: 'me', fetchEvents, fetchBoard });
  return { store, fetchEvents, fetchBoard };
}

function recorder() {
  const saved: SavedBoard[] = [];
  const forgotten: string[] = [];
  // The page's idle moments, as the test says: a write waiting for one runs when `idle()` is called.
  const waiting = new Set<() => void>();
  return {
    saved,
    forgotten,
    idle: () => {
      const writes = [...waiting];
      waiting.clear();
      for (const write of writes) write();
    },
    keeper: {
      save: async (board: SavedBoard) => void saved.push(board),
      forget: async (boardId: string) => void forgotten.push(boardId),
      now: () => Date.now(),
      whenIdle: (write: () => void) => {
        waiting.add(write);
        return () => void waiting.delete(write);
      },
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('keeping a board on this device', () => {
  it('writes the first state once the page is idle, then at most once a second however many events arrive', async () => {
    const { store } = makeStore();
    const { saved, keeper, idle } = recorder();
    const stop = keepBoard(store, keeper);
    store.loadSnapshot(snapshot(5));
    expect(saved).toEqual([]); // not while the board that came is still to be shown
    idle();
    expect(saved.map((b) => b.seq)).toEqual([5]);

    for (let seq = 6; seq <= 15; seq++) {
      store.receive([created(seq, `x${seq}`)]);
      await vi.advanceTimersByTimeAsync(50);
      idle();
    }
    expect(saved.map((b) => b.seq)).toEqual([5]);
    await vi.advanceTimersByTimeAsync(500);
    expect(saved.map((b) => b.seq)).toEqual([5]); // its turn came: it waits for the page to be idle
    idle();
    expect(saved.map((b) => b.seq)).toEqual([5, 15]);
    expect(Object.keys(saved[1].state.tasks)).toHaveLength(12);

    await vi.advanceTimersByTimeAsync(5000); // nothing changed: nothing written
    idle();
    expect(saved).toHaveLength(2);
    stop();
  });

  it('writes what waits for an idle moment at once when the board closes', () => {
    const { store } = makeStore();
    const { saved, keeper, idle } = recorder();
    const stop = keepBoard(store, keeper);
    store.loadSnapshot(snapshot(5));
    stop();
    expect(saved.map((b) => b.seq)).toEqual([5]);
    idle(); // the idle write was called off: nothing written twice
    expect(saved).toHaveLength(1);
  });

  it('writes within a second when the page is never idle', async () => {
    // A page that is never idle: its idle callbacks run only when their timeout is up.
    vi.stubGlobal('requestIdleCallback', (work: () => void, options: { timeout: number }) => setTimeout(work, options.timeout));
    vi.stubGlobal('cancelIdleCallback', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
    const { store } = makeStore();
    const { saved, keeper } = recorder();
    const stop = keepBoard(store, { ...keeper, whenIdle: undefined });
    store.loadSnapshot(snapshot(5));
    await vi.advanceTimersByTimeAsync(999);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved.map((b) => b.seq)).toEqual([5]);
    stop();
  });

  it('keeps the confirmed state: neither pending changes nor typing', async () => {
    const { store } = makeStore();
    const { saved, keeper, idle } = recorder();
    const stop = keepBoard(store, keeper);
    store.loadSnapshot(snapshot(5));
    idle();
    await vi.advanceTimersByTimeAsync(2000);

    store.begin('task:mine', (s) => placeTask(s, task('mine', TODO, ''), TODO));
    store.setDraft(draftKey.newTask(TODO), { text: 'half typed' });
    await vi.advanceTimersByTimeAsync(2000);
    idle();
    expect(saved).toHaveLength(1); // neither is the server's

    store.receive([created(6, 'theirs')]);
    stop(); // closing the board writes what is left
    const last = saved.at(-1)!;
    expect(last.seq).toBe(6);
    expect(Object.keys(last.state.tasks).sort()).toEqual(['t1', 't2', 'theirs']);
    expect(last.state.drafts).toEqual({});
    expect(tasksOf(store.getSnapshot().board, TODO).map((t) => t.id)).toContain('mine');
  });

  it('writes at once when the page is hidden', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('document', page);
    const { store } = makeStore();
    const { saved, keeper, idle } = recorder();
    const stop = keepBoard(store, keeper);
    store.loadSnapshot(snapshot(5));
    idle();
    store.receive([created(6, 'a')]);
    expect(saved.map((b) => b.seq)).toEqual([5]);

    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(saved.map((b) => b.seq)).toEqual([5, 6]);
    stop();
  });

  it('forgets a board that was deleted', () => {
    const { store } = makeStore();
    const { saved, forgotten, keeper, idle } = recorder();
    const stop = keepBoard(store, keeper);
    store.loadSnapshot(snapshot(5));
    idle();
    vi.advanceTimersByTime(2000);
    store.receive([event(EventName.BoardDeleted, 6, { memberIds: [ANA.id] })]);
    vi.advanceTimersByTime(2000);
    idle();
    expect(forgotten).toEqual([BOARD]);
    expect(saved).toHaveLength(1);
    stop();
  });
});

describe('a board opened from this device', () => {
  beforeEach(() => vi.useRealTimers()); // fake-indexeddb answers on real timers
  afterEach(() => deleteLocalDb(ANA.id));

  it('starts from the kept state and catches up from its seq, without loading the board again', async () => {
    const db = await openLocalDb(ANA.id);
    const first = makeStore();
    first.store.loadSnapshot(snapshot(5));
    await saveBoard(db, { boardId: BOARD, seq: 5, state: first.store.confirmed, savedAt: 1 });

    // Offline: the store is seeded and shows the board as it was.
    const { store, fetchEvents, fetchBoard } = makeStore([created(6, 'while-away'), created(7, 'later')]);
    store.seed((await savedBoard(db, BOARD))!.state);
    expect(store.getSnapshot().board.status).toBe('ready');
    expect(store.seq).toBe(5);
    expect(tasksOf(store.getSnapshot().board, TODO).map((t) => t.id)).toEqual(['t1', 't2']);

    // Back online: JoinBoard(afterSeq = 5) answers with the events since.
    store.receive([created(6, 'while-away'), created(7, 'later')]);
    expect(store.seq).toBe(7);
    expect(tasksOf(store.getSnapshot().board, TODO).map((t) => t.id)).toEqual(['t1', 't2', 'while-away', 'later']);
    expect(fetchBoard).not.toHaveBeenCalled();
    expect(fetchEvents).not.toHaveBeenCalled();
    db.close();
  });

  it('never replaces a state that came from the server', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(9));
    const older = makeStore().store;
    older.loadSnapshot(snapshot(5, []));
    store.seed(older.confirmed);
    expect(store.seq).toBe(9);
    expect(tasksOf(store.getSnapshot().board, TODO)).toHaveLength(2);
  });
});
