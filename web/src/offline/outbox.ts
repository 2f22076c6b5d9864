// The user's changes not yet confirmed by the server, kept in IndexedDB (`outbox` store)
// from before they are sent until they are answered or finally refused, so that none is lost
// to a lost connection, a server that is down, a reload or a closed tab. One outbox per user,
// shared by the tabs: exactly one tab sends (it holds a Web Lock), oldest first, one at a time,
// so that the server sees the changes in the order they were made. A BroadcastChannel tells
// the other tabs what was added, answered or refused.
import { ApiError, ErrorCode, isApiError, toErrorCode } from '../api/errors';
import type { Answered } from '../api/graphql';
import { isStorageFull, type LocalDb, type OutboxEntry } from './localDb';

/** How a change ended for whoever waits on it. `queued`: it had to wait, so it went to "Couldn't sync". */
export type Outcome = { ok: true; value: unknown; seq: number | null } | { ok: false; error: ApiError; queued: boolean };

export type NewEntry = Pick<OutboxEntry, 'boardId' | 'kind' | 'variables' | 'label'>;

export interface OutboxDeps {
  /** The user's database; null keeps the outbox in memory only (no IndexedDB in this browser). */
  db: LocalDb | null;
  userId: string;
  tabId: string;
  send(entry: OutboxEntry): Promise<Answered<unknown>>;
  /** For a NOT_FOUND refusal: the answer when that means the write is done (a delete of what is gone), else null. */
  goneIsDone?(entry: OutboxEntry): unknown;
  isOnline(): boolean;
  newRef(): string;
  /** Tells the person something they must know (a full disk). */
  report(message: string): void;
  locks?: LockManager | null;
  channel?: BroadcastChannel | null;
  /** The pause after a failed send before the next try (it grows with each failure). */
  retryMs?: (failures: number) => number;
}

type Message =
  | { type: 'changed' }
  | { type: 'settled'; entry: OutboxEntry; outcome: WireOutcome };
type WireOutcome = { ok: true; value: unknown; seq: number | null } | { ok: false; error: { code: string; message: string; current?: unknown }; queued: boolean };

/** Refusals that end a change: the server will not take it as it is. */
const refusals = new Set<string>([ErrorCode.Conflict, ErrorCode.NotFound, ErrorCode.Forbidden, ErrorCode.Validation]);

const defaultRetry = (failures: number) => Math.min(1000 * 2 ** Math.max(0, failures - 1), 15_000);

export class Outbox {
  private list: OutboxEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly settledListeners = new Set<(entry: OutboxEntry, outcome: Outcome) => void>();
  private readonly waiters = new Map<string, (outcome: Outcome) => void>();
  private holder = false;
  private draining: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private releaseLock: (() => void) | null = null;
  private disposed = false;
  private readonly deps: OutboxDeps;

  constructor(deps: OutboxDeps) {
    this.deps = deps;
    deps.channel?.addEventListener('message', this.onMessage);
  }

  /** Reads what waits from the database, then sends when this tab gets the lock. */
  async start(): Promise<void> {
    if (this.deps.db) await this.reload();
    const locks = this.deps.locks;
    if (!locks) {
      this.holder = true;
      this.wake();
      return;
    }
    void locks.request(`kanban-outbox:${this.deps.userId}`, () => {
      if (this.disposed) return Promise.resolve();
      this.holder = true;
      this.wake();
      // Held for as long as this tab lives; the browser passes it on when the tab closes.
      return new Promise<void>((resolve) => (this.releaseLock = resolve));
    });
  }

  // ---- reading -------------------------------------------------------------------------

  /** Every change not yet confirmed, waiting or refused, oldest first. */
  entries(): readonly OutboxEntry[] {
    return this.list;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every answer and refusal, whichever tab sent it (before the entry leaves the list). */
  onSettled(listener: (entry: OutboxEntry, outcome: Outcome) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  // ---- writing -------------------------------------------------------------------------

  /**
   * Adds a change: shown at once (listeners hear of it before this returns), kept in the
   * database before it is sent. `done` says how it ended.
   */
  add(change: NewEntry): { entry: OutboxEntry; done: Promise<Outcome> } {
    const entry: OutboxEntry = {
      ...change,
      ref: this.deps.newRef(),
      createdAt: Date.now(),
      tabId: this.deps.tabId,
      waited: !this.deps.isOnline(),
      status: 'waiting',
    };
    const done = new Promise<Outcome>((resolve) => this.waiters.set(entry.ref, resolve));
    this.list = [...this.list, entry];
    this.changed();
    void this.keep(entry);
    return { entry, done };
  }

  private async keep(entry: OutboxEntry): Promise<void> {
    const { db } = this.deps;
    if (db) {
      try {
        entry.id = await db.add('outbox', { ...entry });
      } catch (error) {
        await this.unkept(entry, error);
        return;
      }
    }
    this.broadcast({ type: 'changed' });
    this.wake();
  }

  /** The database refused the change: said to the person, then sent directly if possible, never dropped silently. */
  private async unkept(entry: OutboxEntry, error: unknown): Promise<void> {
    const full = isStorageFull(error);
    this.deps.report(
      full
        ? 'This device’s storage is full: a change could not be kept for sending later.'
        : 'A change could not be kept on this device for sending later.',
    );
    if (!this.deps.isOnline()) {
      const message = full ? 'This device’s storage is full and you are offline, so the change was not kept.' : 'You are offline and the change could not be kept.';
      this.finish(entry, { ok: false, error: new ApiError(ErrorCode.Network, message), queued: false });
      return;
    }
    try {
      const answer = await this.deps.send(entry);
      this.finish(entry, { ok: true, value: answer.value, seq: answer.seq });
    } catch (sendError) {
      this.finish(entry, { ok: false, error: asApiError(sendError), queued: false });
    }
  }

  /** "Keep mine": sends a refused change again, with `variables` (e.g. on the current version). */
  async retry(ref: string, variables: Record<string, unknown>): Promise<void> {
    await this.update(ref, (e) => ({ ...e, variables, status: 'waiting', refusal: undefined, waited: true }));
    this.wake();
  }

  /** "Discard" or "Take theirs": the refused change goes. */
  async discard(ref: string): Promise<void> {
    const entry = this.list.find((e) => e.ref === ref);
    if (entry?.id !== undefined) await this.deps.db?.delete('outbox', entry.id);
    this.list = this.list.filter((e) => e.ref !== ref);
    this.changed();
    this.broadcast({ type: 'changed' });
  }

  private async update(ref: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<void> {
    const entry = this.list.find((e) => e.ref === ref);
    if (!entry) return;
    const next = change(entry);
    if (next.id !== undefined) await this.deps.db?.put('outbox', next);
    this.list = this.list.map((e) => (e.ref === ref ? next : e));
    this.changed();
    this.broadcast({ type: 'changed' });
  }

  // ---- sending (the tab that holds the lock) -------------------------------------------

  /** Something changed (a new entry, the network back): the sending tab looks again. */
  wake(): void {
    if (this.disposed) return;
    if (!this.holder) return;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      // The database closed under it (signing out): what is left waits for the next sign-in.
      .catch((error: unknown) => console.warn('sending the outbox stopped', error))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once nothing more can be sent now (for tests and measurements). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.disposed || !this.deps.isOnline()) return;
      const next = await this.oldestWaiting();
      if (!next) return;
      let outcome: Outcome;
      try {
        const answer = await this.deps.send(next);
        outcome = { ok: true, value: answer.value, seq: answer.seq };
      } catch (error) {
        const apiError = asApiError(error);
        if (!refusals.has(apiError.code)) {
          // No answer, or not one about the change (the server busy or failing): it waits.
          if (apiError.code !== ErrorCode.Unauthenticated) this.retryLater();
          if (!next.waited) await this.update(next.ref, (e) => ({ ...e, waited: true }));
          return;
        }
        const done = apiError.code === ErrorCode.NotFound ? (this.deps.goneIsDone?.(next) ?? null) : null;
        outcome = done !== null ? { ok: true, value: done, seq: null } : { ok: false, error: apiError, queued: next.waited || !this.waiters.has(next.ref) };
      }
      this.failures = 0;
      await this.settle(next, outcome);
    }
  }

  private retryLater(): void {
    this.failures++;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.wake();
    }, (this.deps.retryMs ?? defaultRetry)(this.failures));
  }

  private async oldestWaiting(): Promise<OutboxEntry | undefined> {
    const db = this.deps.db;
    if (!db) return this.list.find((e) => e.status === 'waiting');
    // The database is the truth: other tabs add to it. The first waiting row is the oldest.
    let cursor = await db.transaction('outbox').store.openCursor();
    while (cursor) {
      if (cursor.value.status === 'waiting') return cursor.value;
      cursor = await cursor.continue();
    }
    return undefined;
  }

  /** An answer or a final refusal: the entry leaves the database, or stays as refused. */
  private async settle(entry: OutboxEntry, outcome: Outcome): Promise<void> {
    const db = this.deps.db;
    if (outcome.ok || !outcome.queued) {
      if (entry.id !== undefined) await db?.delete('outbox', entry.id);
    } else {
      const { code, message, current } = outcome.error;
      await db?.put('outbox', { ...entry, status: 'refused', refusal: { code, message, current } });
    }
    this.broadcast({ type: 'settled', entry, outcome: toWire(outcome) });
    this.finish(entry, outcome);
  }

  private finish(entry: OutboxEntry, outcome: Outcome): void {
    for (const listener of this.settledListeners) listener(entry, outcome);
    this.waiters.get(entry.ref)?.(outcome);
    this.waiters.delete(entry.ref);
    if (outcome.ok || !outcome.queued) this.list = this.list.filter((e) => e.ref !== entry.ref);
    else {
      const { code, message, current } = outcome.error;
      this.list = this.list.map((e) => (e.ref === entry.ref ? { ...e, status: 'refused', refusal: { code, message, current } } : e));
    }
    this.changed();
  }

  // ---- other tabs ----------------------------------------------------------------------

  private onMessage = (event: MessageEvent<Message>): void => {
    const message = event.data;
    if (message.type === 'settled') this.finish(message.entry, fromWire(message.outcome));
    void this.reload().then(() => this.wake());
  };

  private broadcast(message: Message): void {
    try {
      this.deps.channel?.postMessage(message);
    } catch (error) {
      console.warn('could not tell the other tabs', error);
    }
  }

  private async reload(): Promise<void> {
    const db = this.deps.db;
    if (!db) return;
    const stored = await db.getAll('outbox');
    // Entries of this tab still being written keep their place at the end.
    const unstored = this.list.filter((e) => e.id === undefined && !stored.some((s) => s.ref === e.ref));
    const next = [...stored, ...unstored];
    if (sameEntries(next, this.list)) return;
    this.list = next;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.deps.channel?.removeEventListener('message', this.onMessage);
    this.releaseLock?.();
    this.listeners.clear();
    this.settledListeners.clear();
  }
}

function sameEntries(a: readonly OutboxEntry[], b: readonly OutboxEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.ref === b[i].ref && e.status === b[i].status && e.id === b[i].id && e.waited === b[i].waited);
}

function asApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError(ErrorCode.Internal, error instanceof Error ? error.message : 'Request failed.');
}

function toWire(outcome: Outcome): WireOutcome {
  if (outcome.ok) return outcome;
  const { code, message, current } = outcome.error;
  return { ok: false, error: { code, message, current }, queued: outcome.queued };
}

function fromWire(outcome: WireOutcome): Outcome {
  if (outcome.ok) return outcome;
  const { code, message, current } = outcome.error;
  return { ok: false, error: new ApiError(toErrorCode(code), message, undefined, current), queued: outcome.queued };
}
