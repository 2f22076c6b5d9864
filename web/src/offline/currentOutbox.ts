// The signed-in user's outbox, for the whole page. Before anyone signs in (and in tests) it is
// an outbox in memory that sends at once.
import { clientId, newId } from '../api/clientId';
import { realtime } from '../realtime/connection';
import { goneIsDone, sendWrite } from '../store/writes';
import { showToast } from '../ui/toasts';
import { openLocalDb, type LocalDb } from './localDb';
import { Outbox, type OutboxDeps } from './outbox';

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

function outboxOf(userId: string, db: LocalDb | null, overrides: Partial<OutboxDeps> = {}): Outbox {
  const shared = typeof BroadcastChannel !== 'undefined' && db !== null;
  return new Outbox({
    db,
    userId,
    tabId: clientId,
    send: (entry) => sendWrite(entry.kind, entry.variables),
    goneIsDone: (entry) => goneIsDone(entry.kind, entry.variables),
    isOnline,
    newRef: newId,
    report: (message) => showToast(message),
    locks: shared && typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null,
    channel: shared ? new BroadcastChannel(`kanban-outbox:${userId}`) : null,
    ...overrides,
  });
}

let current = outboxOf('', null);
void current.start();

export const currentOutbox = (): Outbox => current;

/** Opens the user's outbox (their IndexedDB database) and starts sending what waits in it. */
export async function openOutbox(userId: string): Promise<void> {
  let db: LocalDb | null = null;
  try {
    db = await openLocalDb(userId);
  } catch (error) {
    // No IndexedDB (a private window in some browsers): changes are sent as they are made.
    console.warn('the outbox is kept in memory only', error);
  }
  current.dispose();
  current = outboxOf(userId, db);
  await current.start();
}

if (typeof window !== 'undefined') window.addEventListener('online', () => current.wake());
// The server is back (the live connection returned): what waits goes now, not at the next retry.
realtime.onConnected(() => current.wake());

/** A fresh outbox in memory, sending at once (each unit test starts with an empty one). */
export function freshMemoryOutbox(deps: Partial<OutboxDeps> = {}): Outbox {
  current.dispose();
  current = outboxOf('', null, deps);
  void current.start();
  return current;
}
