import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ErrorCode } from '../api/errors';
import type { Answered } from '../api/graphql';
import type { EventPage } from '../api/queries';
import type { OutboxEntry } from '../offline/localDb';
import { Outbox, type NewEntry } from '../offline/outbox';
import type { LoggedEvent } from '../api/types';
import { EventName, type BoardEvent } from '../realtime/events';
import { ANA, BOARD, DONE, event, snapshot, task, TODO } from '../test/fixtures';
import { draftKey } from './boardState';
import { BoardStore } from './boardStore';
import { editTask, moveTaskTo, placeTask } from './localChanges';
import { upsertTask } from './reducer';
import { tasksOf } from './selectors';

const ME = 'client-me';
const created = (seq: number, id: string, origin: string | null = null) => event(EventName.TaskCreated, seq, { task: task(id, TODO, `b${seq}`) }, origin);
const logged = (e: BoardEvent): LoggedEvent => {
  const { seq, type, actor, origin, at, ...rest } = e;
  return { seq, type, actor, origin, at, payload: { type, seq, actor, origin, at, ...rest } };
};

function makeStore(log: BoardEvent[] = [], page: Partial<EventPage> = {}) {
  const fetchEvents = vi.fn(async (_board: string, afterSeq: number) => ({
    events: log.filter((e) => e.seq > afterSeq).map(logged),
    hasMore: false,
    resetRequired: false,
    ...page,
  }));
  const fetchBoard = vi.fn(async () => snapshot(50, [task('fresh', DONE, 'a0')]));
  const store = new BoardStore(BOARD, ANA.id, { clientId: ME, fetchEvents, fetchBoard });
  return { store, fetchEvents, fetchBoard };
}

let refs = 0;
const ref = () => `change-${++refs}`;
const ids = (store: BoardStore) => tasksOf(store.getSnapshot().board, TODO).map((t) => t.id);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('BoardStore: events in seq order', () => {
  it('holds events that come before the snapshot and applies those after it', () => {
    const { store } = makeStore();
    store.receive([created(6, 'x'), created(5, 'old')]);
    store.loadSnapshot(snapshot(5));
    expect(store.seq).toBe(6);
    expect(ids(store)).toEqual(['t1', 't2', 'x']);
  });

  it('leaves the board as it is for a snapshot at its own seq (the query and a join crossing)', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const shown = store.getSnapshot();
    const renders = vi.fn();
    store.subscribe(renders);
    store.loadSnapshot(snapshot(5, [task('other', DONE, 'a0')]));
    expect(store.getSnapshot()).toBe(shown);
    expect(renders).not.toHaveBeenCalled();
    store.loadSnapshot(snapshot(6, [task('newer', DONE, 'a0')]));
    expect(tasksOf(store.getSnapshot().board, DONE).map((t) => t.id)).toEqual(['newer']);
  });

  it('drops duplicates and waits for an early event’s gap to fill', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    store.receive([created(7, 'b')]);
    expect(store.seq).toBe(5);
    store.receive([created(6, 'a'), created(6, 'a'), created(5, 'dup')]);
    expect(store.seq).toBe(7);
    expect(ids(store)).toEqual(['t1', 't2', 'a', 'b']);
  });

  it('fills a gap still open after a second from boardEvents', async () => {
    const { store, fetchEvents } = makeStore([created(6, 'a'), created(7, 'b')]);
    store.loadSnapshot(snapshot(5));
    store.receive([created(7, 'b')]);
    await vi.advanceTimersByTimeAsync(900);
    expect(fetchEvents).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(fetchEvents).toHaveBeenCalledWith(BOARD, 5, 500);
    expect(store.seq).toBe(7);
    expect(ids(store)).toEqual(['t1', 't2', 'a', 'b']);
  });

  it('does not fetch when the gap fills over the socket in time', async () => {
    const { store, fetchEvents } = makeStore();
    store.loadSnapshot(snapshot(5));
    store.receive([created(7, 'b')]);
    await vi.advanceTimersByTimeAsync(300);
    store.receive([created(6, 'a')]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetchEvents).not.toHaveBeenCalled();
  });

  it('catches up to the seq JoinBoard reported', async () => {
    const { store, fetchEvents } = makeStore([created(6, 'a')]);
    store.loadSnapshot(snapshot(5));
    store.noteLatestSeq(6);
    await vi.advanceTimersByTimeAsync(1100);
    expect(fetchEvents).toHaveBeenCalledOnce();
    expect(store.seq).toBe(6);
  });

  it('reloads the board when the log says resetRequired, keeping drafts', async () => {
    const { store, fetchBoard } = makeStore([], { resetRequired: true });
    store.loadSnapshot(snapshot(5));
    store.setDraft(draftKey.newTask(TODO), { text: 'typing' });
    await store.catchUp();
    expect(fetchBoard).toHaveBeenCalledOnce();
    expect(store.seq).toBe(50);
    expect(store.getSnapshot().board.drafts[draftKey.newTask(TODO)].text).toBe('typing');
  });

  it('ignores an older snapshot unless forced', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(9));
    store.loadSnapshot(snapshot(5, []));
    expect(store.seq).toBe(9);
    store.loadSnapshot(snapshot(5, []), true);
    expect(store.seq).toBe(5);
  });

  it('highlights tasks other people change, not our own', async () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    store.receive([created(6, 'theirs'), created(7, 'mine', ME)]);
    expect(store.getSnapshot().flashes).toEqual({ theirs: true });
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.getSnapshot().flashes).toEqual({});
  });
});

describe('BoardStore: our own changes', () => {
  it('shows a change at once and rolls it back when refused', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const handle = store.begin(ref(), (s) => placeTask(s, task('new', TODO, ''), TODO));
    expect(ids(store)).toEqual(['t1', 't2', 'new']);
    store.cancel(handle);
    expect(ids(store)).toEqual(['t1', 't2']);
  });

  it('keeps the answer on top until the board reaches its seq, not before', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const handle = store.begin(ref(), (s) => moveTaskTo(s, 't1', TODO, 1));
    expect(ids(store)).toEqual(['t2', 't1']);
    const answer = task('t1', TODO, 'a2', { version: 2 });
    store.answer(handle, (s) => upsertTask(s, answer), 7);
    // Someone else's rerank of the column (an earlier seq) does not pull the task back.
    store.receive([event(EventName.TasksReranked, 6, { columnId: TODO, ranks: [{ taskId: 't1', rank: 'a0' }, { taskId: 't2', rank: 'a1' }] })]);
    expect(ids(store)).toEqual(['t2', 't1']);
    expect(store.getSnapshot().pending).toBe(1);
    // Whoever made event 7, the state now holds our change.
    store.receive([event(EventName.TaskMoved, 7, { taskId: 't1', fromColumn: TODO, toColumn: TODO, rank: 'a2', position: 1, version: 2, updatedAt: 'x' })]);
    expect(store.getSnapshot().pending).toBe(0);
    expect(ids(store)).toEqual(['t2', 't1']);
  });

  it('settles at once when the board reached the seq before the answer came', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const handle = store.begin(ref(), (s) => ({ ...s, name: 'Guess' }));
    store.receive([event(EventName.BoardUpdated, 6, { updates: { name: 'Guess' } })]);
    store.answer(handle, (s) => ({ ...s, name: 'Guess' }), 6);
    expect(store.getSnapshot().pending).toBe(0);
  });

  it('settles at once an answer without a seq: the write changed nothing', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const handle = store.begin(ref(), (s) => editTask(s, 't1', { title: 'Task t1' }));
    store.answer(handle, (s) => s, null);
    expect(store.getSnapshot().pending).toBe(0);
  });

  it('settles answers that come out of order each at its own seq', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const first = store.begin(ref(), (s) => editTask(s, 't1', { title: 'One' }));
    const second = store.begin(ref(), (s) => editTask(s, 't2', { title: 'Two' }));
    store.answer(second, (s) => editTask(s, 't2', { title: 'Two' }), 7);
    store.answer(first, (s) => editTask(s, 't1', { title: 'One' }), 6);
    store.receive([event(EventName.TaskUpdated, 6, { taskId: 't1', updates: { title: 'One' }, version: 2 })]);
    expect(store.getSnapshot().pending).toBe(1);
    expect(store.getSnapshot().board.tasks.t2.title).toBe('Two');
    store.receive([event(EventName.TaskUpdated, 7, { taskId: 't2', updates: { title: 'Two' }, version: 2 })]);
    expect(store.getSnapshot().pending).toBe(0);
    expect(store.getSnapshot().board.tasks.t2.title).toBe('Two');
  });

  it('an answered change stays on top however long its event takes', async () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const handle = store.begin(ref(), (s) => ({ ...s, name: 'Guess' }));
    store.answer(handle, (s) => ({ ...s, name: 'Answer' }), 9);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(store.getSnapshot().board.name).toBe('Answer');
    expect(store.getSnapshot().pending).toBe(1);
  });

  it('a snapshot at or past the seq settles the change', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    const handle = store.begin(ref(), (s) => editTask(s, 't2', { title: 'Typing fast' }));
    store.answer(handle, (s) => editTask(s, 't2', { title: 'Typing fast' }), 8);
    store.loadSnapshot(snapshot(7));
    expect(store.getSnapshot().pending).toBe(1);
    store.loadSnapshot(snapshot(8));
    expect(store.getSnapshot().pending).toBe(0);
  });

  it('lays unconfirmed changes over a new snapshot', () => {
    const { store } = makeStore();
    store.loadSnapshot(snapshot(5));
    store.begin(ref(), (s) => editTask(s, 't2', { title: 'Typing fast' }));
    store.loadSnapshot(snapshot(8));
    expect(store.getSnapshot().board.tasks.t2.title).toBe('Typing fast');
    expect(store.confirmed.tasks.t2.title).toBe('Task t2');
  });
});

describe('BoardStore: the outbox', () => {
  function withOutbox(send: (entry: OutboxEntry) => Promise<Answered<unknown>>) {
    let online = false;
    let refs = 0;
    const outbox = new Outbox({ db: null, userId: 'u', tabId: 'other-tab', send, isOnline: () => online, newRef: () => `r${++refs}`, report: () => undefined, retryMs: () => 10 });
    void outbox.start();
    const store = new BoardStore(BOARD, ANA.id, { clientId: ME, fetchEvents: vi.fn(), fetchBoard: vi.fn(), outbox });
    store.loadSnapshot(snapshot(5));
    return { outbox, store, goOnline: () => ((online = true), outbox.wake()) };
  }
  const createTask = (id: string): NewEntry => ({ boardId: BOARD, kind: 'createTask', variables: { input: { id, columnId: TODO, title: `New ${id}` } }, label: 'Add the task' });

  it('shows every waiting change, made before a reload or in another tab, and settles each at its seq', async () => {
    const answers = [6, 7];
    const { outbox, store, goOnline } = withOutbox(async (entry) => {
      const input = (entry.variables as { input: { id: string } }).input;
      return { value: task(input.id, TODO, 'b9', { title: `New ${input.id}` }), seq: answers.shift()! };
    });
    outbox.add(createTask('n1'));
    outbox.add(createTask('n2'));
    expect(ids(store)).toEqual(['t1', 't2', 'n1', 'n2']);
    expect(store.getSnapshot().pending).toBe(2);
    goOnline();
    await outbox.idle();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getSnapshot().pending).toBe(2); // answered, but the board is still at 5
    store.receive([event(EventName.TaskCreated, 6, { task: task('n1', TODO, 'b8', { title: 'New n1' }) })]);
    expect(store.getSnapshot().pending).toBe(1);
    store.receive([event(EventName.TaskCreated, 7, { task: task('n2', TODO, 'b9', { title: 'New n2' }) })]);
    expect(store.getSnapshot().pending).toBe(0);
    expect(ids(store)).toEqual(['t1', 't2', 'n1', 'n2']);
  });

  it('a queued change the server refuses leaves the board (it waits in "Couldn’t sync")', async () => {
    const { outbox, store, goOnline } = withOutbox(async () => {
      throw new ApiError(ErrorCode.Forbidden, 'no');
    });
    outbox.add(createTask('n1'));
    expect(ids(store)).toContain('n1');
    goOnline();
    await outbox.idle();
    await vi.advanceTimersByTimeAsync(0);
    expect(ids(store)).toEqual(['t1', 't2']);
    expect(outbox.entries().map((e) => e.status)).toEqual(['refused']);
  });
});
