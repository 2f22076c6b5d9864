import { describeError, ErrorCode, isApiError } from '../api/errors';
import { fetchBoards } from '../api/queries';
import type { BoardSummary, User } from '../api/types';
import { smallStore } from '../lib/smallStore';
import { onSettledAnywhere } from '../offline/currentOutbox';
import { keptBoardList } from '../offline/keptBoardList';
import { answeredInList, isListWrite, type ListChange } from './boardListWrites';

export interface BoardListState {
  boards: BoardSummary[] | null;
  error: string | null;
}

/** The boards on the home page: the server's list (or the kept one) with this person's answered list writes in it. */
export const boardList = smallStore<BoardListState>({ boards: null, error: null });

/** Counts reads of the list: only the latest one's answer is shown. */
let reads = 0;

/**
 * The board-list writes the server answered, each with the latest read begun when it did. The
 * list has no seq: a write is settled once a read begun after its answer answers.
 */
let answers: { read: number; change: ListChange }[] = [];

/** An answered create, rename or delete of a board: in the list at once, and kept in it over older reads. */
export function settleInList(change: ListChange): void {
  answers = [...answers, { read: reads, change }];
  boardList.set((s) => (s.boards ? { ...s, boards: change(s.boards) } : s));
}

// Whichever tab sent it, and whether or not the list is on screen.
onSettledAnywhere((entry, outcome) => {
  if (outcome.ok && isListWrite(entry.kind)) settleInList(answeredInList(entry, outcome.value));
});

/**
 * Reads the list again. Reads overlap when live changes arrive quickly; an earlier read may
 * answer last with the list as it was before a change, so only the latest read counts.
 */
export async function loadBoards(me: User): Promise<void> {
  const read = ++reads;
  try {
    const boards = await fetchBoards(me);
    if (read !== reads) return;
    // A read begun after an answer has it; one begun before may not: the answer stays in.
    answers = answers.filter((a) => a.read >= read);
    boardList.set({ boards: answers.reduce((list, a) => a.change(list), boards), error: null });
  } catch (error) {
    if (read !== reads) return;
    // Without a network the list as this device kept it stands in (the banner says it is offline).
    if (isApiError(error, ErrorCode.Network)) {
      const kept = boardList.get().boards ?? (await keptBoardList(me.id)) ?? null;
      if (kept && read === reads) {
        boardList.set((s) => ({ boards: s.boards ?? kept, error: null }));
        return;
      }
    }
    if (read === reads) boardList.set((s) => ({ ...s, error: describeError(error) }));
  }
}

/** Takes a board off the list at once (this user was removed from it). */
export function dropBoard(boardId: string): void {
  boardList.set((s) => (s.boards?.some((b) => b.id === boardId) ? { ...s, boards: s.boards.filter((b) => b.id !== boardId) } : s));
}

export function sortBoards(boards: readonly BoardSummary[]): BoardSummary[] {
  return [...boards].sort((a, b) => a.name.localeCompare(b.name));
}
