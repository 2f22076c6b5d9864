import { useEffect, useState } from 'react';
import type { BoardStore } from '../store/boardStore';
import { keepBoard } from './keptBoard';
import { forgetBoard, saveBoard, savedBoard } from './localDb';
import { withUserDb } from './userData';

/** Whether this device had the board: 'looking' until its database answered. */
export type KeptBoard = 'looking' | 'found' | 'none';

/**
 * The board as this device last saw it: it seeds the store (which then catches up from its seq
 * like after any reconnect), and the store's confirmed state is kept as it changes.
 */
export function useKeptBoard(store: BoardStore | null, userId: string): KeptBoard {
  const [kept, setKept] = useState<{ store: BoardStore; found: boolean } | null>(null);

  useEffect(() => {
    if (!store) return;
    let live = true;
    void withUserDb(userId, (db) => savedBoard(db, store.boardId)).then((saved) => {
      if (!live) return;
      if (saved) store.seed(saved.state);
      setKept({ store, found: saved !== undefined });
    });
    const stop = keepBoard(store, {
      save: (board) => withUserDb(userId, (db) => saveBoard(db, board)),
      forget: (boardId) => withUserDb(userId, (db) => forgetBoard(db, boardId)),
    });
    return () => {
      live = false;
      stop();
    };
  }, [store, userId]);

  if (!store || kept?.store !== store) return 'looking';
  return kept.found ? 'found' : 'none';
}
