import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardSummary } from '../api/types';
import { ANA } from '../test/fixtures';

vi.mock('../api/queries', () => ({ fetchBoards: vi.fn() }));
const { fetchBoards } = await import('../api/queries');
const { boardList, dropBoard, loadBoards, settleInList } = await import('./boardList');
const { freshMemoryOutbox } = await import('../offline/currentOutbox');

const summary = (id: string): BoardSummary => ({ id, name: id, role: 'EDITOR', memberCount: 2 });

beforeEach(() => boardList.set({ boards: null, error: null }));

describe('the board list', () => {
  it('shows the latest read when reads answer out of order (a live change came in between)', async () => {
    let answerFirst!: (boards: BoardSummary[]) => void;
    vi.mocked(fetchBoards)
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce([summary('shared')]);
    const first = loadBoards(ANA);
    await loadBoards(ANA);
    answerFirst([]); // read before the board was shared, answering last
    await first;
    expect(boardList.get().boards?.map((b) => b.id)).toEqual(['shared']);
  });

  it('keeps an answered create in the list over a read begun before it, and takes the server’s list from a read begun after', async () => {
    boardList.set({ boards: [summary('a')], error: null });
    let answerEarly!: (boards: BoardSummary[]) => void;
    vi.mocked(fetchBoards)
      .mockImplementationOnce(() => new Promise((resolve) => (answerEarly = resolve)))
      .mockResolvedValueOnce([summary('a'), { ...summary('n'), name: 'Renamed by Ben' }]);
    const early = loadBoards(ANA); // e.g. the reconnect's read, as the outbox sends the create
    settleInList((boards) => [...boards, summary('n')]);
    expect(boardList.get().boards?.map((b) => b.id)).toEqual(['a', 'n']);
    answerEarly([summary('a')]); // read before the create was stored
    await early;
    expect(boardList.get().boards?.map((b) => b.id)).toEqual(['a', 'n']);
    await loadBoards(ANA); // begun after the answer: the server's list is the truth
    expect(boardList.get().boards?.map((b) => b.name)).toEqual(['a', 'Renamed by Ben']);
  });

  it('hears the outbox answer a board-list write, whichever outbox is the page’s', async () => {
    boardList.set({ boards: [summary('a')], error: null });
    const outbox = freshMemoryOutbox({ send: async () => ({ value: { id: 'a', name: 'Apex' }, seq: 4 }) });
    await outbox.add({ boardId: 'a', kind: 'renameBoard', variables: { id: 'a', name: 'Apex' }, label: 'Rename the board “a”' }).done;
    expect(boardList.get().boards?.map((b) => b.name)).toEqual(['Apex']);
  });

  it('drops a board the user was removed from, and a second drop changes nothing', () => {
    boardList.set({ boards: [summary('a'), summary('b')], error: null });
    dropBoard('a');
    const after = boardList.get();
    expect(after.boards?.map((b) => b.id)).toEqual(['b']);
    dropBoard('a');
    expect(boardList.get()).toBe(after);
  });
});
