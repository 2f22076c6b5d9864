import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshMemoryOutbox } from '../../offline/currentOutbox';
import { ApiError, ErrorCode } from '../../api/errors';
import type { Task } from '../../api/types';
import { ANA, answered, BOARD, snapshot, task, TODO } from '../../test/fixtures';
import { toasts } from '../../ui/toasts';
import { BoardStore } from '../boardStore';
import { openConflict } from '../conflicts';
import { tasksOf } from '../selectors';

vi.mock('../../api/commands', () => ({
  createTask: vi.fn(),
  updateTask: vi.fn(),
  moveTask: vi.fn(),
  deleteTask: vi.fn(),
}));
const api = await import('../../api/commands');
const { createTask, deleteTask, moveTask, updateTask } = await import('./tasks');

function loadedStore() {
  const store = new BoardStore(BOARD, ANA.id, { clientId: 'me', fetchEvents: vi.fn(), fetchBoard: vi.fn() });
  store.loadSnapshot(snapshot(5));
  return store;
}

beforeEach(() => {
  freshMemoryOutbox();
  vi.clearAllMocks();
  toasts.set([]);
  openConflict.set(null);
});
afterEach(() => vi.useRealTimers());

describe('task mutations', () => {
  it('createTask shows the task at once with a UUIDv7 id and sends that id', async () => {
    const store = loadedStore();
    let resolve!: (t: Task) => void;
    vi.mocked(api.createTask).mockImplementation(() => new Promise<Task>((r) => (resolve = r)).then((v) => answered(v)));
    const pending = createTask(store, TODO, '  Write tests ', ANA);
    const shown = tasksOf(store.getSnapshot().board, TODO).at(-1)!;
    expect(shown.title).toBe('Write tests');
    expect(shown.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await vi.waitFor(() => expect(api.createTask).toHaveBeenCalledOnce());
    const sent = vi.mocked(api.createTask).mock.calls[0][0];
    expect(sent).toMatchObject({ id: shown.id, columnId: TODO, title: 'Write tests' });
    resolve(task(shown.id, TODO, 'a2', { title: 'Write tests' }));
    await pending;
    expect(tasksOf(store.getSnapshot().board, TODO).at(-1)!.rank).toBe('a2');
  });

  it('rolls back and says why when the server refuses', async () => {
    const store = loadedStore();
    vi.mocked(api.moveTask).mockRejectedValue(new ApiError(ErrorCode.Forbidden, 'no'));
    await moveTask(store, 't1', TODO, 1);
    expect(tasksOf(store.getSnapshot().board, TODO).map((t) => t.id)).toEqual(['t1', 't2']);
    expect(toasts.get()[0].message).toMatch(/Couldn’t move the task\. You don’t have permission/);
  });

  it('sends writes to the same column in the order they were made', async () => {
    const store = loadedStore();
    const order: string[] = [];
    let releaseFirst!: () => void;
    vi.mocked(api.createTask)
      .mockImplementationOnce(async (input) => {
        await new Promise<void>((r) => (releaseFirst = r));
        order.push(input.title);
        return answered(task(input.id, TODO, 'b0', { title: input.title }));
      })
      .mockImplementationOnce(async (input) => {
        order.push(input.title);
        return answered(task(input.id, TODO, 'b1', { title: input.title }));
      });
    const first = createTask(store, TODO, 'one', ANA);
    const second = createTask(store, TODO, 'two', ANA);
    await vi.waitFor(() => expect(api.createTask).toHaveBeenCalledOnce());
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['one', 'two']);
  });

  it('a write that could not reach the server stays shown and waiting, and is sent when it can', async () => {
    vi.useFakeTimers();
    const store = loadedStore();
    vi.mocked(api.deleteTask).mockRejectedValueOnce(new ApiError(ErrorCode.Network, 'down')).mockResolvedValue(answered({ id: 't1', success: true }));
    const done = deleteTask(store, 't1');
    await vi.advanceTimersByTimeAsync(100);
    expect(api.deleteTask).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().board.tasks.t1).toBeUndefined();
    expect(store.getSnapshot().pending).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(api.deleteTask).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().board.tasks.t1).toBeUndefined();
    expect(toasts.get()).toEqual([]);
  });

  it('sends expectedVersion and, on a real conflict, offers keep mine / take theirs', async () => {
    const store = loadedStore();
    const theirs = task('t1', TODO, 'a0', { title: 'Their title', version: 3 });
    vi.mocked(api.updateTask)
      .mockRejectedValueOnce(new ApiError(ErrorCode.Conflict, 'changed', undefined, theirs))
      .mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { title: 'My title', version: 4 })));
    expect(await updateTask(store, 't1', { title: 'My title' }, { version: 1, title: 'Task t1' })).toBe('asked');
    expect(vi.mocked(api.updateTask).mock.calls[0][0]).toEqual({ id: 't1', title: 'My title', expectedVersion: 1 });
    expect(store.getSnapshot().board.tasks.t1.title).toBe('Their title');
    const conflict = openConflict.get()!;
    expect(conflict.theirs.title).toBe('Their title');
    conflict.keepMine();
    await vi.waitFor(() => expect(api.updateTask).toHaveBeenCalledTimes(2));
    expect(vi.mocked(api.updateTask).mock.calls[1][0]).toEqual({ id: 't1', title: 'My title', expectedVersion: 3 });
    await vi.waitFor(() => expect(store.getSnapshot().board.tasks.t1.title).toBe('My title'));
    expect(openConflict.get()).toBeNull();
  });

  it('resends without asking when the other change did not touch the edited field', async () => {
    const store = loadedStore();
    const moved = task('t1', TODO, 'a5', { version: 2 });
    vi.mocked(api.updateTask)
      .mockRejectedValueOnce(new ApiError(ErrorCode.Conflict, 'changed', undefined, moved))
      .mockResolvedValueOnce(answered(task('t1', TODO, 'a5', { description: 'Notes', version: 3 })));
    // Saved in the end: the caller must not treat the first refusal as a failure (and bring its draft back).
    expect(await updateTask(store, 't1', { description: 'Notes' }, { version: 1, description: '' })).toBe('saved');
    expect(api.updateTask).toHaveBeenCalledTimes(2);
    expect(vi.mocked(api.updateTask).mock.calls[1][0]).toMatchObject({ expectedVersion: 2 });
    expect(openConflict.get()).toBeNull();
  });

  it('sends a title and a description in one request', async () => {
    const store = loadedStore();
    vi.mocked(api.updateTask).mockResolvedValueOnce(answered(task('t1', TODO, 'a0', { title: 'Pricing page', description: 'Three tiers', version: 2 })));
    const outcome = await updateTask(store, 't1', { title: 'Pricing page', description: 'Three tiers' }, { version: 1, title: 'Task t1', description: '' });
    expect(outcome).toBe('saved');
    expect(api.updateTask).toHaveBeenCalledTimes(1);
    expect(vi.mocked(api.updateTask).mock.calls[0][0]).toEqual({ id: 't1', title: 'Pricing page', description: 'Three tiers', expectedVersion: 1 });
  });

  it('says failed when refused for another reason', async () => {
    const store = loadedStore();
    vi.mocked(api.updateTask).mockRejectedValueOnce(new ApiError(ErrorCode.Validation, 'title must be 1 to 200 characters.'));
    expect(await updateTask(store, 't1', { title: 'x' }, { version: 1, title: 'Task t1' })).toBe('failed');
  });
});
