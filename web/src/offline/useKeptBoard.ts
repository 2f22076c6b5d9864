import { useEffect, useState } from 'react';
import type { User } from '../api/types';
import type { BoardStore } from '../store/boardStore';
import { createdHere } from '../store/createdHere';
import { currentOutbox } from './currentOutbox';
import { keepBoard } from './keptBoard';
import { forgetBoard, saveBoard, savedBoard } from './localDb';
import { withUserDb } from './userData';

/** Whether this device had the board: 'looking' until its database answered. */
export type KeptBoard = 'looking' | 'found' | 'none';

/**
 * The board as this device last saw it: it seeds the store (which then catches up from its seq
 * like after any reconnect), and the store's confirmed state is kept as it changes. A board
 * created here whose create still waits is found too, as the new board the server will have.
 */
export function useKeptBoard(store: BoardStore | null, me: User): KeptBoard {
  const userId = me.id;
  const [kept, setKept] = useState<{ store: BoardStore; found: boolean } | null>(null);

  useEffect(() => {
    if (!store) return;
    let live = true;
    void withUserDb(userId, (db) => savedBoard(db, store.boardId)).then((saved) => {
      if (!live) return;
      const state = saved?.state ?? createdHere(currentOutbox(), store.boardId, me);
      if (state) store.seed(state);
      setKept({ store, found: state !== undefined });
    });
    const stop = keepBoard(store, {
      save: (board) => withUserDb(userId, (db) => saveBoard(db, board)),
      forget: (boardId) => withUserDb(userId, (db) => forgetBoard(db, boardId)),
    });
    return () => {
      live = false;
      stop();
    };
  }, [store, userId, me]);

  if (!store || kept?.store !== store) return 'looking';
  return kept.found ? 'found' : 'none';
}
