import { describeError } from '../api/errors';
import { fetchBoards } from '../api/queries';
import type { BoardSummary, User } from '../api/types';
import { smallStore } from '../lib/smallStore';

export interface BoardListState {
  boards: BoardSummary[] | null;
  error: string | null;
}

/** The boards on the home page. */
export const boardList = smallStore<BoardListState>({ boards: null, error: null });

export async function loadBoards(me: User): Promise<void> {
  try {
    const boards = await fetchBoards(me);
    boardList.set({ boards, error: null });
  } catch (error) {
    boardList.set((s) => ({ ...s, error: describeError(error) }));
  }
}

export function sortBoards(boards: readonly BoardSummary[]): BoardSummary[] {
  return [...boards].sort((a, b) => a.name.localeCompare(b.name));
}
