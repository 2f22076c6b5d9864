import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardSummary } from '../api/types';
import { ANA } from '../test/fixtures';

vi.mock('../api/queries', () => ({ fetchBoards: vi.fn() }));
const { fetchBoards } = await import('../api/queries');
const { boardList, dropBoard, loadBoards } = await import('./boardList');

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

  it('drops a board the user was removed from, and a second drop changes nothing', () => {
    boardList.set({ boards: [summary('a'), summary('b')], error: null });
    dropBoard('a');
    const after = boardList.get();
    expect(after.boards?.map((b) => b.id)).toEqual(['b']);
    dropBoard('a');
    expect(boardList.get()).toBe(after);
  });
});
