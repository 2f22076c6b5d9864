// The signed-in user's outbox, for the whole page. Before anyone signs in (and in tests) it is
// an outbox in memory that sends at once.
import { clientId, newId } from '../api/clientId';
import { realtime } from '../realtime/connection';
import { goneIsDone, sendWrite } from '../store/writes';
import { showToast } from '../ui/toasts';
import type { LocalDb } from './localDb';
import { Outbox, type OutboxDeps, type Outcome } from './outbox';
import type { OutboxEntry } from './localDb';
import { openUserData } from './userData';

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

type SettledListener = (entry: OutboxEntry, outcome: Outcome) => void;

/** Those who hear of every answer and refusal of whichever outbox is the page's (it changes at sign-in). */
const settledAnywhere = new Set<SettledListener>();

function outboxOf(userId: string, db: LocalDb | null, overrides: Partial<OutboxDeps> = {}): Outbox {
  const shared = typeof BroadcastChannel !== 'undefined' && db !== null;
  const outbox = new Outbox({
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
  outbox.onSettled((entry, outcome) => settledAnywhere.forEach((listener) => listener(entry, outcome)));
  return outbox;
}

let current = outboxOf('', null);
let currentUser: string | null = null;
let opening: { userId: string; done: Promise<void> } | null = null;
void current.start();

export const currentOutbox = (): Outbox => current;

/**
 * Every answer and refusal of the page's outbox, whichever it is now or later (for what outlives
 * one user's outbox, like the board list). Returns the stop.
 */
export function onSettledAnywhere(listener: SettledListener): () => void {
  settledAnywhere.add(listener);
  return () => settledAnywhere.delete(listener);
}

/**
 * Opens the user's outbox (in their local database, the handle userData keeps) and starts
 * sending what waits in it. The same user's outbox stays as it is (an offline start going online).
 */
export function openOutbox(userId: string): Promise<void> {
  if (currentUser === userId) return Promise.resolve();
  if (opening?.userId !== userId) opening = { userId, done: open(userId) };
  return opening.done;
}

async function open(userId: string): Promise<void> {
  // Without a database (storage blocked or broken) changes are sent as they are made.
  const db = await openUserData(userId);
  if (opening?.userId !== userId) return; // signed out (or someone else signed in) meanwhile
  opening = null;
  current.dispose();
  current = outboxOf(userId, db);
  currentUser = userId;
  await current.start();
}

/** Signing out: back to an outbox in memory (the database closes or goes with the user's data). */
export function closeOutbox(): void {
  opening = null;
  current.dispose();
  current = outboxOf('', null);
  currentUser = null;
  void current.start();
}

if (typeof window !== 'undefined') window.addEventListener('online', () => current.wake());
// The server is back (the live connection returned): what waits goes now, not at the next retry.
realtime.onConnected(() => current.wake());

/** A fresh outbox in memory, sending at once (each unit test starts with an empty one). */
export function freshMemoryOutbox(deps: Partial<OutboxDeps> = {}): Outbox {
  current.dispose();
  current = outboxOf('', null, deps);
  currentUser = null;
  void current.start();
  return current;
}
