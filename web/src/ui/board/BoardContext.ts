import { createContext, useContext } from 'react';
import type { User } from '../../api/types';
import type { BoardStore } from '../../store/boardStore';

export interface BoardContextValue {
  store: BoardStore;
  me: User;
  /** EDITOR or OWNER: may change columns and tasks. */
  editable: boolean;
  openTask(taskId: string): void;
  /** Turns the board's filter off (a new history entry, as the filter bar's Clear filters). */
  clearFilter(): void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext outside a board');
  return value;
}
