// The home page's board list, kept on this device whenever it loads or changes.
import type { BoardSummary } from '../api/types';
import type { BoardListState } from '../store/boardList';
import type { SmallStore } from '../lib/smallStore';
import { saveBoardList, savedBoardList } from './localDb';
import { withUserDb } from './userData';

/** Saves the list on every change while it is followed; returns the stop. */
export function keepBoardList(list: SmallStore<BoardListState>, userId: string): () => void {
  let seen: BoardSummary[] | null = null;
  const save = () => {
    const { boards } = list.get();
    if (boards === null || boards === seen) return;
    seen = boards;
    void withUserDb(userId, (db) => saveBoardList(db, boards));
  };
  save();
  return list.subscribe(save);
}

/** The list as last kept, when the server cannot be asked. */
export const keptBoardList = (userId: string): Promise<BoardSummary[] | undefined> => withUserDb(userId, savedBoardList);
