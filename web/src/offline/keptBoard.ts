// Keeps an open board's server state on this device, so it opens again without a network and
// catches up from its seq. Only the confirmed state is kept: pending changes are not the
// server's, and the outbox keeps those.
import type { BoardState, CommentThread } from '../store/boardState';
import type { BoardStore } from '../store/boardStore';
import type { SavedBoard } from './localDb';
import { whenIdle } from '../lib/whenIdle';

export interface BoardKeeper {
  save(board: SavedBoard): Promise<unknown>;
  forget(boardId: string): Promise<unknown>;
  /** Writes at most once per this many ms per board (and at once when the page is hidden). */
  everyMs?: number;
  now?: () => number;
  /**
   * Runs a write once the page is idle, at most `withinMs` later; returns its cancel ({@link whenIdle}
   * by default). Keeping a board copies all of it on the page's thread (some 50 ms for 2,000
   * detailed tasks): done at once, that came between a board's first render and its paint.
   */
  whenIdle?: (write: () => void, withinMs: number) => () => void;
}

/** What is kept of a state: the server's part. Drafts are typing, and a thread still loading is not whole. */
export function keptState(state: BoardState): BoardState {
  const comments: Record<string, CommentThread> = {};
  for (const [taskId, thread] of Object.entries(state.comments)) if (thread.loaded) comments[taskId] = thread;
  return { ...state, comments, drafts: {} };
}

/** True when the server's part changed (typing into a draft changes only the drafts). */
const serverPartChanged = (a: BoardState | null, b: BoardState): boolean =>
  a === null ||
  a.seq !== b.seq ||
  a.status !== b.status ||
  a.name !== b.name ||
  a.columns !== b.columns ||
  a.tasks !== b.tasks ||
  a.members !== b.members ||
  a.labels !== b.labels ||
  a.comments !== b.comments;

/**
 * Saves the store's confirmed state whenever it changes, coalesced: the first change as soon as
 * the page is idle (after the board it loaded is on screen), then at most once per `everyMs`
 * (each write again when idle), and whatever is left at once when the page is hidden or the
 * board closes. A board that is gone (deleted, no longer ours) is forgotten. Returns the stop.
 */
export function keepBoard(store: BoardStore, keeper: BoardKeeper): () => void {
  const everyMs = keeper.everyMs ?? 1000;
  const now = keeper.now ?? Date.now;
  const idle = keeper.whenIdle ?? whenIdle;
  let seen: BoardState | null = null;
  let dirty = false;
  let lastWrite = -Infinity;
  /** Cancels the write waiting for its turn or for the page to be idle; null when none waits. */
  let waiting: (() => void) | null = null;

  const flush = () => {
    waiting?.();
    waiting = null;
    if (!dirty) return;
    dirty = false;
    lastWrite = now();
    const state = store.confirmed;
    if (state.status === 'ready' && state.seq !== null) void keeper.save({ boardId: store.boardId, seq: state.seq, state: keptState(state), savedAt: Date.now() });
    else if (state.status !== 'loading') void keeper.forget(store.boardId);
  };

  const changed = () => {
    const next = store.confirmed;
    if (!serverPartChanged(seen, next)) return;
    seen = next;
    if (next.status === 'loading') return;
    dirty = true;
    if (waiting !== null) return;
    let cancel = () => {};
    const writeWhenIdle = () => {
      cancel = idle(flush, everyMs);
    };
    const wait = lastWrite + everyMs - now();
    if (wait <= 0) writeWhenIdle();
    else {
      const timer = setTimeout(writeWhenIdle, wait);
      cancel = () => clearTimeout(timer);
    }
    waiting = () => cancel();
  };

  const hidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };

  const unsubscribe = store.subscribe(changed);
  changed(); // a store that had its state before this began
  const page = typeof document === 'undefined' ? null : document;
  page?.addEventListener('visibilitychange', hidden);
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    unsubscribe();
    page?.removeEventListener('visibilitychange', hidden);
    globalThis.removeEventListener?.('pagehide', flush);
    flush();
  };
}
