// This user's changes that the server has not confirmed yet, laid over the server's state.
import type { BoardState } from './boardState';

export type Change = (state: BoardState) => BoardState;

export interface PendingChange {
  /** The outbox entry's ref. */
  id: string;
  apply: Change;
  /**
   * Once the server accepted it: the seq of the last event it logged (`apply` now shows the
   * answer). The change is settled when the board's seq reaches it; null while unanswered.
   */
  settlesAt: number | null;
}

/** The state as the user should see it: the server's, then each unconfirmed change in order. */
export function layOver(base: BoardState, changes: readonly PendingChange[]): BoardState {
  let board = base;
  for (const change of changes) {
    try {
      board = change.apply(board);
    } catch (error) {
      // A change that no longer fits (its neighbours moved oddly) is not shown; the server decides.
      console.warn('a local change could not be shown', error);
    }
  }
  return board;
}
