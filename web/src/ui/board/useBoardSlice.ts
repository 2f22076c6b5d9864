import { useSyncExternalStore } from 'react';
import type { BoardState } from '../../store/boardState';
import { useBoardContext } from './BoardContext';

/**
 * One part of the board (its labels, its members) read straight from the store: a component
 * re-renders only when that part changes, whatever else does.
 */
export function useBoardSlice<T>(select: (board: BoardState) => T): T {
  const { store } = useBoardContext();
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot().board));
}

export const selectLabels = (board: BoardState) => board.labels;
export const selectMembers = (board: BoardState) => board.members;
