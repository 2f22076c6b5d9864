import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ErrorCode } from '../../api/errors';
import type { BoardSummary } from '../../api/types';
import { freshMemoryOutbox } from '../../offline/currentOutbox';
import type { Outbox } from '../../offline/outbox';
import { answered } from '../../test/fixtures';
import { toasts } from '../../ui/toasts';
import { layOverList } from '../boardListWrites';
import { refusedChanges } from '../syncList';

vi.mock('../../api/commands', () => ({ createBoard: vi.fn(), renameBoard: vi.fn(), deleteBoard: vi.fn(), createColumn: vi.fn() }));
const api = await import('../../api/commands');
const { createBoard, deleteBoard, renameBoardInList } = await import('./boards');
const { boardList } = await import('../boardList');

const alpha: BoardSummary = { id: 'a', name: 'Alpha', role: 'OWNER', memberCount: 2 };
const beta: BoardSummary = { id: 'b', name: 'Beta', role: 'OWNER', memberCount: 3 };
const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });

let online: boolean;
let outbox: Outbox;
/** The list as the home page shows it. */
const listed = () => layOverList(boardList.get().boards ?? [], outbox.entries()).map((b) => b.name);

beforeEach(() => {
  online = false;
  outbox = freshMemoryOutbox({ isOnline: () => online, retryMs: () => 5 });
  vi.clearAllMocks();
  toasts.set([]);
  boardList.set({ boards: [alpha, beta], error: null });
  vi.mocked(api.createBoard).mockImplementation(async (input) => answered({ id: input.id, name: input.name }, null));
  vi.mocked(api.renameBoard).mockImplementation(async (id, name) => answered({ id, name }, 7));
  vi.mocked(api.deleteBoard).mockImplementation(async (id) => answered({ id, success: true }, 8));
});

describe('board-list writes', () => {
  it('made offline, they wait in the outbox, show on the list, and are sent in order once online', async () => {
    const id = createBoard('  Plans ');
    void renameBoardInList(alpha, 'Apex ');
    void deleteBoard(beta);
    expect(listed()).toEqual(['Apex', 'Plans']);
    expect(outbox.entries().map((e) => [e.kind, e.boardId, e.label])).toEqual([
      ['createBoard', id, 'Create the board “Plans”'],
      ['renameBoard', 'a', 'Rename the board “Alpha”'],
      ['deleteBoard', 'b', 'Delete the board “Beta”'],
    ]);
    expect(api.createBoard).not.toHaveBeenCalled();

    const order: string[] = [];
    vi.mocked(api.createBoard).mockImplementation(async (input) => (order.push('create'), answered({ id: input.id, name: input.name }, null)));
    vi.mocked(api.renameBoard).mockImplementation(async (i, name) => (order.push('rename'), answered({ id: i, name }, 7)));
    vi.mocked(api.deleteBoard).mockImplementation(async (i) => (order.push('delete'), answered({ id: i, success: true }, 8)));
    online = true;
    outbox.wake();
    await until(() => expect(outbox.entries()).toEqual([]));
    expect(order).toEqual(['create', 'rename', 'delete']);
    expect(api.createBoard).toHaveBeenCalledWith({ id, name: 'Plans' });
    // Answered, each stands in the list itself: the list has no seq to wait for.
    expect(boardList.get().boards?.map((b) => b.name)).toEqual(['Apex', 'Plans']);
    expect(toasts.get()).toEqual([]);
  });

  it('a change inside a board created offline is sent after the create (one outbox, oldest first)', async () => {
    const order: string[] = [];
    vi.mocked(api.createBoard).mockImplementation(async (input) => (order.push('createBoard'), answered({ id: input.id, name: input.name }, null)));
    vi.mocked(api.createColumn).mockImplementation(async (input) => (order.push('createColumn'), answered({ ...input, rank: 'a0' }, 1)));
    const id = createBoard('Plans');
    const { createColumn } = await import('./columns');
    const { BoardStore } = await import('../boardStore');
    void createColumn(new BoardStore(id, 'me', { clientId: 'c', fetchEvents: vi.fn(), fetchBoard: vi.fn() }), 'Ideas');
    online = true;
    outbox.wake();
    await until(() => expect(order).toEqual(['createBoard', 'createColumn']));
  });

  it('a create whose first try got no answer is sent again with the same ID', async () => {
    online = true;
    vi.mocked(api.createBoard).mockRejectedValueOnce(new ApiError(ErrorCode.Network, 'no answer'));
    const id = createBoard('Plans');
    await until(() => expect(outbox.entries()).toEqual([]));
    expect(vi.mocked(api.createBoard).mock.calls).toEqual([[{ id, name: 'Plans' }], [{ id, name: 'Plans' }]]);
    expect(boardList.get().boards?.filter((b) => b.id === id)).toHaveLength(1);
  });

  it('refused at once (online), the list shows the server’s name again and a toast says why', async () => {
    online = true;
    vi.mocked(api.renameBoard).mockRejectedValue(new ApiError(ErrorCode.Forbidden, 'no'));
    await renameBoardInList(alpha, 'Apex');
    expect(listed()).toEqual(['Alpha', 'Beta']);
    expect(toasts.get().map((t) => t.message)).toEqual(['Couldn’t rename the board “Alpha”. You don’t have permission to do that on this board.']);
  });

  it('refused after waiting, it goes to “Couldn’t sync”, named; a delete of a board gone already is done', async () => {
    vi.mocked(api.renameBoard).mockRejectedValue(new ApiError(ErrorCode.NotFound, 'Board not found.'));
    vi.mocked(api.deleteBoard).mockRejectedValue(new ApiError(ErrorCode.NotFound, 'Board not found.'));
    vi.mocked(api.createBoard).mockRejectedValue(new ApiError(ErrorCode.Conflict, 'That board ID is already in use.'));
    void renameBoardInList(alpha, 'Apex');
    void deleteBoard(beta);
    createBoard('Plans');
    online = true;
    outbox.wake();
    await until(() => expect(outbox.entries().every((e) => e.status === 'refused')).toBe(true));
    expect(refusedChanges(outbox.entries())).toEqual([
      { ref: expect.any(String), what: 'Rename the board “Alpha”', why: 'That item no longer exists.', mine: 'Apex', theirs: null, canKeepMine: false },
      // Sent again, a create would carry the same ID: no "keep mine".
      expect.objectContaining({ what: 'Create the board “Plans”', mine: 'Plans', canKeepMine: false }),
    ]);
    expect(listed()).toEqual(['Alpha']);
    expect(toasts.get()).toEqual([]);
  });
});
