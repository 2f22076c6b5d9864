import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshMemoryOutbox } from '../../offline/currentOutbox';
import { ApiError, ErrorCode } from '../../api/errors';
import type { Task } from '../../api/types';
import { EventName } from '../../realtime/events';
import { ANA, answered, BEN, BOARD, DONE, event, snapshot, task, TODO } from '../../test/fixtures';
import { toasts } from '../../ui/toasts';
import { BoardStore } from '../boardStore';
import { tasksOf } from '../selectors';

vi.mock('../../api/commands', () => ({
  createTask: vi.fn(),
  updateTask: vi.fn(),
  moveTask: vi.fn(),
  deleteTask: vi.fn(),
  restoreTask: vi.fn(),
  updateColumn: vi.fn(),
}));
const api = await import('../../api/commands');
const { deleteTask, moveTask, updateTask } = await import('./tasks');
const { renameColumn } = await import('./columns');
const { redo, undo, undoChange } = await import('./undo');

function loadedStore() {
  const store = new BoardStore(BOARD, ANA.id, { clientId: 'me', fetchEvents: vi.fn(), fetchBoard: vi.fn() });
  store.loadSnapshot(snapshot(5));
  return store;
}

const lastToast = () => toasts.get().at(-1)?.message;

beforeEach(() => {
  freshMemoryOutbox();
  vi.resetAllMocks();
  toasts.set([]);
});

describe('undo and redo', () => {
  it('undoes a move to the place the task left, as its own event told it, with the version the move produced', async () => {
    const store = loadedStore();
    vi.mocked(api.moveTask).mockResolvedValueOnce(answered(task('t1', DONE, 'b0', { version: 2 })));
    await moveTask(store, 't1', DONE, 0);
    await store.history.settled();
    store.receive([
      event(EventName.TaskMoved, 6, { taskId: 't1', fromColumn: TODO, fromPosition: 0, toColumn: DONE, rank: 'b0', position: 0, version: 2, updatedAt: 'x' }, 'me'),
    ]);
    expect(store.history.getSnapshot().undo.at(-1)).toMatchObject({ kind: 'taskMove', from: { columnId: TODO, index: 0 }, exact: true });

    vi.mocked(api.moveTask).mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { version: 3 })));
    await undo(store);
    expect(vi.mocked(api.moveTask).mock.calls[1][0]).toEqual({ id: 't1', columnId: TODO, index: 0, expectedVersion: 2 });
    expect(lastToast()).toBe('Undone: move “Task t1”.');
    expect(store.history.getSnapshot().redo.at(-1)).toMatchObject({ kind: 'taskMove', version: 3 });

    // Redo moves it again, on the condition of the version the undo produced.
    vi.mocked(api.moveTask).mockResolvedValueOnce(answered(task('t1', DONE, 'b0', { version: 4 })));
    await redo(store);
    expect(vi.mocked(api.moveTask).mock.calls[2][0]).toEqual({ id: 't1', columnId: DONE, index: 0, expectedVersion: 3 });
    expect(lastToast()).toBe('Redone: move “Task t1”.');
  });

  it('takes the place from its own event when the event comes before the answer', async () => {
    const store = loadedStore();
    let answer!: (t: Task) => void;
    vi.mocked(api.moveTask).mockImplementationOnce(() => new Promise<Task>((r) => (answer = r)).then((v) => answered(v)));
    const moving = moveTask(store, 't2', DONE, 0);
    await vi.waitFor(() => expect(api.moveTask).toHaveBeenCalledOnce());
    store.receive([
      event(EventName.TaskMoved, 6, { taskId: 't2', fromColumn: TODO, fromPosition: 1, toColumn: DONE, rank: 'b0', position: 0, version: 2, updatedAt: 'x' }, 'me'),
    ]);
    answer(task('t2', DONE, 'b0', { version: 2 }));
    await moving;
    await store.history.settled();
    expect(store.history.getSnapshot().undo.at(-1)).toMatchObject({ from: { columnId: TODO, index: 1 }, exact: true });
  });

  it('undoes the change still on its way when Ctrl+Z comes right after it', async () => {
    const store = loadedStore();
    let answer!: (t: Task) => void;
    vi.mocked(api.updateTask).mockImplementationOnce(() => new Promise<Task>((r) => (answer = r)).then((v) => answered(v)));
    const saving = updateTask(store, 't1', { title: 'Fix login' }, { version: 1, title: 'Task t1' });
    vi.mocked(api.updateTask).mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { title: 'Task t1', version: 3 })));
    const undoing = undo(store);
    await vi.waitFor(() => expect(api.updateTask).toHaveBeenCalledOnce());
    answer(task('t1', TODO, 'a0', { title: 'Fix login', version: 2 }));
    await Promise.all([saving, undoing]);
    expect(vi.mocked(api.updateTask).mock.calls[1][0]).toEqual({ id: 't1', title: 'Task t1', expectedVersion: 2 });
  });

  it('refuses an undo of a field someone changed since, naming them, and changes nothing', async () => {
    const store = loadedStore();
    vi.mocked(api.updateTask).mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { title: 'Fix login', version: 2 })));
    await updateTask(store, 't1', { title: 'Fix login' }, { version: 1, title: 'Task t1' });
    const theirs = task('t1', TODO, 'a0', { title: 'Fix sign-in', version: 3 });
    vi.mocked(api.updateTask).mockRejectedValueOnce(new ApiError(ErrorCode.Conflict, 'changed', undefined, theirs, { id: BEN.id, name: 'Ben' }));
    await undo(store);
    expect(lastToast()).toBe('Couldn’t undo: Ben changed the title of “Fix login” since.');
    expect(store.getSnapshot().board.tasks.t1.title).toBe('Fix sign-in');
    expect(store.history.getSnapshot()).toEqual({ undo: [], redo: [] });
  });

  it('says who moved a task when the undo of a move meets a later move', async () => {
    const store = loadedStore();
    vi.mocked(api.moveTask).mockResolvedValueOnce(answered(task('t1', DONE, 'b0', { version: 2 })));
    await moveTask(store, 't1', DONE, 0);
    vi.mocked(api.moveTask).mockRejectedValueOnce(new ApiError(ErrorCode.Conflict, 'moved', undefined, task('t1', TODO, 'a9', { version: 3 }), { id: BEN.id, name: 'Ben' }));
    await undo(store);
    expect(lastToast()).toBe('Couldn’t undo: Ben moved “Task t1” since.');
  });

  it('restores a deleted task from the trash (the delete toast’s Undo), even below newer changes', async () => {
    const store = loadedStore();
    vi.mocked(api.deleteTask).mockResolvedValueOnce(answered({ id: 't1', success: true }));
    const change = await deleteTask(store, 't1');
    expect(change).toMatchObject({ kind: 'taskPresence', verb: 'delete', title: 'Task t1' });
    vi.mocked(api.moveTask).mockResolvedValueOnce(answered(task('t2', DONE, 'b0', { version: 2 })));
    await moveTask(store, 't2', DONE, 0);

    vi.mocked(api.restoreTask).mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { version: 2 })));
    await undoChange(store, change!.id);
    expect(api.restoreTask).toHaveBeenCalledWith('t1');
    expect(tasksOf(store.getSnapshot().board, TODO).map((t) => t.id)).toContain('t1');
    expect(store.history.getSnapshot().undo.map((c) => c.kind)).toEqual(['taskMove']);
    expect(lastToast()).toBe('Undone: delete “Task t1”.');
  });

  it('an undo that cannot reach the server waits and is sent when it can', async () => {
    vi.useFakeTimers();
    const store = loadedStore();
    vi.mocked(api.moveTask).mockResolvedValueOnce(answered(task('t1', DONE, 'b0', { version: 2 })));
    await moveTask(store, 't1', DONE, 0);
    vi.mocked(api.moveTask).mockRejectedValueOnce(new ApiError(ErrorCode.Network, 'down')).mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { version: 3 })));
    const undoing = undo(store);
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getSnapshot().board.tasks.t1.columnId).toBe(TODO); // shown as undone, waiting
    await vi.advanceTimersByTimeAsync(1000); // the outbox tries again
    await undoing;
    vi.useRealTimers();
    expect(api.moveTask).toHaveBeenCalledTimes(3);
    expect(lastToast()).toBe('Undone: move “Task t1”.');
    expect(store.history.getSnapshot().redo).toHaveLength(1);
  });

  it('records nothing for a write that changed nothing', async () => {
    const store = loadedStore();
    vi.mocked(api.moveTask).mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { version: 1 })));
    await moveTask(store, 't1', TODO, 0);
    expect(store.history.getSnapshot().undo).toEqual([]);
  });

  it('refuses on the client to undo a column rename someone renamed since, naming them', async () => {
    const store = loadedStore();
    vi.mocked(api.updateColumn).mockResolvedValueOnce(answered({ id: TODO, boardId: BOARD, name: 'Backlog', rank: 'a0' }, 6));
    await renameColumn(store, TODO, 'Backlog');
    store.receive([
      event(EventName.ColumnUpdated, 6, { columnId: TODO, updates: { name: 'Backlog' }, before: { name: 'To do' } }, 'me'),
      event(EventName.ColumnUpdated, 7, { columnId: TODO, updates: { name: 'Ideas' }, before: { name: 'Backlog' } }, 'ben-tab'),
    ]);
    await undo(store);
    expect(api.updateColumn).toHaveBeenCalledOnce();
    expect(lastToast()).toBe('Couldn’t undo: Ben renamed the column “Backlog” to “Ideas” since.');
  });

  it('renames a column back when nobody renamed it since', async () => {
    const store = loadedStore();
    vi.mocked(api.updateColumn).mockResolvedValueOnce(answered({ id: TODO, boardId: BOARD, name: 'Backlog', rank: 'a0' }));
    await renameColumn(store, TODO, 'Backlog');
    vi.mocked(api.updateColumn).mockResolvedValueOnce(answered({ id: TODO, boardId: BOARD, name: 'To do', rank: 'a0' }));
    await undo(store);
    expect(vi.mocked(api.updateColumn).mock.calls[1][0]).toEqual({ id: TODO, name: 'To do' });
  });
});
