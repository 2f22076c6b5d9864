// The signed-in user's local database, open while they are signed in. Every write goes through
// `withUserDb`, so nothing is written for a user who has signed out meanwhile, and a full disk
// is said once instead of lost quietly.
import type { User } from '../api/types';
import { showToast } from '../ui/toasts';
import { deleteLocalDb, isStorageFull, openLocalDb, rememberUser, type LocalDb } from './localDb';

let current: { userId: string; db: Promise<LocalDb | null> } | null = null;
let fullSaid = false;

export const storageFullMessage = 'This device is out of space: boards opened from now on won’t be available offline.';

/** Opens the user's database (once; the same handle for as long as they stay signed in). */
export function openUserData(userId: string): Promise<LocalDb | null> {
  if (current?.userId === userId) return current.db;
  closeUserData();
  const db = openLocalDb(userId).catch((error: unknown) => {
    // Storage blocked or broken: the app works, only not offline.
    reportStorageError(error);
    return null;
  });
  current = { userId, db };
  return db;
}

/** Signed in: this user's data opens, and they are the one the app opens offline next time. */
export async function rememberSignedIn(user: User): Promise<void> {
  await openUserData(user.id);
  await withUserDb(user.id, (db) => rememberUser(db, user));
}

/** Closes it without deleting anything (the session ended; the same person may sign in again). */
export function closeUserData(): void {
  const was = current;
  current = null;
  void was?.db.then((db) => db?.close());
}

/** Signing out: everything this browser kept of the user goes, and so does the "last user" mark. */
export async function forgetUserData(userId: string): Promise<void> {
  const was = current?.userId === userId ? current : null;
  current = null;
  const db = await was?.db;
  await deleteLocalDb(userId, db ?? undefined);
}

/** Runs a read or write on the user's database, if it is still theirs and open; failures are reported, not thrown. */
export async function withUserDb<T>(userId: string, work: (db: LocalDb) => Promise<T>): Promise<T | undefined> {
  const held = current;
  if (held?.userId !== userId) return undefined;
  const db = await held.db;
  if (!db || current !== held) return undefined;
  try {
    return await work(db);
  } catch (error) {
    reportStorageError(error);
    return undefined;
  }
}

function reportStorageError(error: unknown): void {
  if (!isStorageFull(error)) {
    console.warn('the local database failed', error);
    return;
  }
  if (fullSaid) return;
  fullSaid = true;
  showToast(storageFullMessage, 'error', 15_000);
}
