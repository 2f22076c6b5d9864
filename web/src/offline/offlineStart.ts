// Opening the app without a network: the person who signed in last on this browser, with what
// this device kept of their boards.
import type { BoardSummary, User } from '../api/types';
import { lastUserId, savedBoardList, savedUser } from './localDb';
import { closeUserData, openUserData, withUserDb } from './userData';

export interface KeptSession {
  user: User;
  /** Their board list as last seen, or null when it never loaded on this device. */
  boards: BoardSummary[] | null;
}

/** The last signed-in user and their kept board list, or null when this browser kept nobody. */
export async function keptSession(): Promise<KeptSession | null> {
  const userId = lastUserId();
  if (userId === null) return null;
  await openUserData(userId);
  const user = await withUserDb(userId, savedUser);
  if (!user) {
    closeUserData();
    return null;
  }
  const boards = (await withUserDb(userId, savedBoardList)) ?? null;
  return { user, boards };
}
