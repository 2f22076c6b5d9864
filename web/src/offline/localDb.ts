// What this browser keeps of one user's work, so the app opens and takes changes without a
// network: the boards they saw last (with the seq to catch up from) and the changes not yet
// sent. One IndexedDB database per user; signing out deletes it.
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BoardSummary, User } from '../api/types';
import type { BoardState } from '../store/boardState';

/** A board as it was last seen: the server's state at `seq`, without anyone's pending changes. */
export interface SavedBoard {
  boardId: string;
  seq: number;
  state: BoardState;
  /** When it was saved (ms since the epoch): the boards seen longest ago are dropped first. */
  savedAt: number;
}

/** One change waiting to be sent, in the order it was made (`id` grows). */
export interface OutboxEntry {
  id?: number;
  /** Names the change across tabs and reloads (the store's pending change has the same ref). */
  ref: string;
  boardId: string;
  /**
   * What it does (store/writes.ts): the mutation it sends with `variables` as they are
   * (client-chosen IDs, expectedVersion), and how it shows before the server confirms it.
   */
  kind: string;
  variables: Record<string, unknown>;
  /** What a person reads about it in the pending and "Couldn't sync" lists. */
  label: string;
  createdAt: number;
  /** The tab that made it. */
  tabId: string;
  /** It could not be sent at once (offline, the server unreachable): a refusal goes to "Couldn't sync". */
  waited: boolean;
  status: 'waiting' | 'refused';
  /** For a refused change: the server's error, and the item as it is now when it said. */
  refusal?: { code: string; message: string; current?: unknown };
}

interface KanbanLocalSchema extends DBSchema {
  meta: { key: 'me'; value: User };
  boardList: { key: 'boards'; value: BoardSummary[] };
  boards: { key: string; value: SavedBoard; indexes: { savedAt: number } };
  outbox: { key: number; value: OutboxEntry; indexes: { boardId: string } };
}

export type LocalDb = IDBPDatabase<KanbanLocalSchema>;

/** Boards kept per user; past it the one seen longest ago goes. */
export const MaxSavedBoards = 30;

const VERSION = 1;
const LAST_USER_KEY = 'kanban:lastUser';

export const localDbName = (userId: string): string => `kanban-${userId}`;

/** Opens (creating on first use) the user's database. */
export async function openLocalDb(userId: string): Promise<LocalDb> {
  const db: LocalDb = await openDB<KanbanLocalSchema>(localDbName(userId), VERSION, {
    upgrade(db) {
      db.createObjectStore('meta');
      db.createObjectStore('boardList');
      db.createObjectStore('boards', { keyPath: 'boardId' }).createIndex('savedAt', 'savedAt');
      db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true }).createIndex('boardId', 'boardId');
    },
    // Another tab deletes it (signing out) or upgrades it: let go, or that tab waits for ever.
    blocking() {
      db.close();
    },
  });
  return db;
}

/** Everything this browser kept of the user, gone (signing out). */
export async function deleteLocalDb(userId: string, db?: LocalDb): Promise<void> {
  db?.close();
  await deleteDB(localDbName(userId));
  if (lastUserId() === userId) storage()?.removeItem(LAST_USER_KEY);
}

/** The user who signed in last on this browser, to open their data without a network. */
export function lastUserId(): string | null {
  return storage()?.getItem(LAST_USER_KEY) ?? null;
}

export async function rememberUser(db: LocalDb, user: User): Promise<void> {
  storage()?.setItem(LAST_USER_KEY, user.id);
  await db.put('meta', user, 'me');
}

export const savedUser = (db: LocalDb): Promise<User | undefined> => db.get('meta', 'me');

export async function saveBoardList(db: LocalDb, boards: BoardSummary[]): Promise<void> {
  await db.put('boardList', boards, 'boards');
}

export const savedBoardList = (db: LocalDb): Promise<BoardSummary[] | undefined> => db.get('boardList', 'boards');

/** Keeps a board's state, then drops the boards seen longest ago past {@link MaxSavedBoards}. */
export async function saveBoard(db: LocalDb, board: SavedBoard, max = MaxSavedBoards): Promise<void> {
  const tx = db.transaction('boards', 'readwrite');
  await tx.store.put(board);
  const oldestFirst = (await tx.store.index('savedAt').getAllKeys()).filter((id) => id !== board.boardId);
  const extra = oldestFirst.length + 1 - max;
  for (const id of oldestFirst.slice(0, Math.max(0, extra))) await tx.store.delete(id);
  await tx.done;
}

export const savedBoard = (db: LocalDb, boardId: string): Promise<SavedBoard | undefined> => db.get('boards', boardId);

export async function forgetBoard(db: LocalDb, boardId: string): Promise<void> {
  await db.delete('boards', boardId);
}

/** True when the browser refused to store more (a full disk, or the site's quota). */
export function isStorageFull(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's settings
  }
}
