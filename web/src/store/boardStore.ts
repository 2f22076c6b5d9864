// One board's store: the server's state (fed by the snapshot, events in seq order and
// mutation answers) with this user's unconfirmed changes laid on top.
import type { BoardSnapshot } from '../api/types';
import type { EventPage } from '../api/queries';
import { EventName, fromLogged, type BoardEvent, type Viewer } from '../realtime/events';
import { emptyBoard, type BoardState, type Draft } from './boardState';
import { currentOutbox } from '../offline/currentOutbox';
import type { OutboxEntry } from '../offline/localDb';
import type { Outbox, Outcome } from '../offline/outbox';
import { layOver, type Change, type PendingChange } from './pendingChanges';
import { applyEvent, applySnapshot, setDraft } from './reducer';
import { sequence } from './sequencer';
import { UndoHistory } from './undoHistory';
import { answeredWrite, shownWrite } from './writes';

export type PendingHandle = string;

export interface BoardStoreDeps {
  /** This tab's X-Client-Id: events with it as origin are our own. */
  clientId: string;
  fetchEvents(boardId: string, afterSeq: number, first: number): Promise<EventPage>;
  fetchBoard(boardId: string): Promise<BoardSnapshot | null>;
  /** How long an early event waits for the gap before it to fill over the socket. */
  gapDelayMs?: number;
  /** How long a task someone else changed stays highlighted. */
  flashMs?: number;
  /** Where this user's writes wait until confirmed (of every tab); the page's by default. */
  outbox?: Outbox;
}

/** What components read. */
export interface BoardView {
  board: BoardState;
  presence: Viewer[];
  /** Tasks another person just changed. */
  flashes: Readonly<Record<string, true>>;
  /** Changes of ours the server has not confirmed yet. */
  pending: number;
}

const flashedTask = (event: BoardEvent): string | null => {
  switch (event.type) {
    case EventName.TaskCreated:
    case EventName.TaskRestored:
      return event.task.id;
    case EventName.TaskUpdated:
    case EventName.TaskMoved:
    case EventName.ChecklistItemUpdated:
    case EventName.ChecklistItemMoved:
    case EventName.ChecklistItemDeleted:
    case EventName.CommentCreated:
    case EventName.CommentDeleted:
      return event.taskId;
    case EventName.ChecklistItemCreated:
      return event.item.taskId;
    default:
      return null;
  }
};

export class BoardStore {
  readonly boardId: string;
  /** This tab's own changes to the board that can be undone. */
  readonly history: UndoHistory;
  private base: BoardState;
  private buffer: BoardEvent[] = [];
  /** The latest seq the server told us of (JoinBoard), to notice a gap with nothing buffered. */
  private latestKnown: number | null = null;
  private changes: PendingChange[] = [];
  private presence: Viewer[] = [];
  private flashes: Record<string, true> = {};
  private view: BoardView | null = null;
  private listeners = new Set<() => void>();
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private catchingUp: Promise<void> | null = null;
  private disposed = false;
  private readonly deps: Required<BoardStoreDeps>;
  private readonly offOutbox: () => void;

  constructor(boardId: string, me: string | null, deps: BoardStoreDeps) {
    this.boardId = boardId;
    this.base = emptyBoard(boardId, me);
    this.deps = { gapDelayMs: 1000, flashMs: 1800, outbox: currentOutbox(), ...deps };
    this.history = new UndoHistory(deps.clientId);
    const outbox = this.deps.outbox;
    const offEntries = outbox.subscribe(() => this.showOutbox(outbox.entries()));
    const offSettled = outbox.onSettled((entry, outcome) => this.settle(entry, outcome));
    this.offOutbox = () => {
      offEntries();
      offSettled();
    };
    this.showOutbox(outbox.entries());
  }

  // ---- reading -------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BoardView => {
    if (!this.view) {
      const board = layOver(this.base, this.changes);
      this.view = { board, presence: this.presence, flashes: this.flashes, pending: this.changes.length };
    }
    return this.view;
  };

  /** The seq of the server state held, or null before the first snapshot (JoinBoard's afterSeq). */
  get seq(): number | null {
    return this.base.seq;
  }

  /** The server's state without our unconfirmed changes. */
  get confirmed(): BoardState {
    return this.base;
  }

  // ---- the server's state --------------------------------------------------------------

  /**
   * A whole board (the board query or JoinBoard's snapshot). Ignored when older than what
   * the store holds, unless `force` (a reset). Null means the board is not ours to see.
   */
  loadSnapshot(snapshot: BoardSnapshot | null, force = false): void {
    if (snapshot === null) {
      if (this.base.seq === null || force) this.setBase({ ...this.base, status: 'missing' });
      return;
    }
    // One at the store's own seq is the board the store already shows (the query's answer and a
    // join's snapshot crossing): applying it again would only render it all again.
    if (!force && this.base.seq !== null && snapshot.seq <= this.base.seq) return;
    if (force) this.latestKnown = snapshot.seq;
    this.setBase(applySnapshot(this.base, snapshot));
    this.drain([]);
  }

  /**
   * The board as this device kept it (the server's state at its seq), before anything fresher
   * came: the store then catches up from that seq as after any reconnect.
   */
  seed(saved: BoardState): void {
    if (this.base.seq !== null || saved.seq === null) return;
    this.setBase({ ...saved, me: this.base.me, drafts: this.base.drafts });
    this.drain([]);
  }

  /** Events from the socket, JoinBoard or boardEvents, in any order, possibly repeated. */
  receive(events: readonly BoardEvent[]): void {
    const mine = events.filter((e) => e.boardId === undefined || e.boardId === this.boardId);
    if (this.base.seq === null) {
      this.buffer = [...this.buffer, ...mine];
      return;
    }
    this.drain(mine);
  }

  /** The board's latest seq as the server reported it; a store behind it fetches the rest. */
  noteLatestSeq(seq: number): void {
    this.latestKnown = Math.max(this.latestKnown ?? seq, seq);
    this.scheduleGapCheck();
  }

  setPresence(viewers: Viewer[]): void {
    this.presence = viewers;
    this.changed();
  }

  /** The server says the board is not ours to see (a deletion or removal already said more). */
  markMissing(): void {
    if (this.base.status === 'loading' || this.base.status === 'ready') this.setBase({ ...this.base, status: 'missing' });
  }

  /** Fetches every logged event after the store's seq (a reset reloads the board). */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.fetchMissing().finally(() => {
      this.catchingUp = null;
      this.scheduleGapCheck();
    });
    return this.catchingUp;
  }

  private async fetchMissing(): Promise<void> {
    try {
      for (;;) {
        const after = this.base.seq;
        if (after === null || this.disposed || this.base.status !== 'ready') return;
        const page = await this.deps.fetchEvents(this.boardId, after, 500);
        if (page.resetRequired) {
          await this.reload();
          return;
        }
        const events = page.events.map(fromLogged).filter((e): e is BoardEvent => e !== null);
        this.drain(events);
        if (!page.hasMore || events.length === 0) {
          // The log has nothing more: whatever latest seq we were told of is reached.
          this.latestKnown = this.base.seq;
          return;
        }
      }
    } catch (error) {
      // The next gap check or poll tries again.
      console.warn('catching up failed', error);
    }
  }

  /** Loads the board afresh: only when the log cannot bring the store up to date. */
  async reload(): Promise<void> {
    const snapshot = await this.deps.fetchBoard(this.boardId);
    if (!this.disposed) this.loadSnapshot(snapshot, true);
  }

  private drain(incoming: readonly BoardEvent[]): void {
    const seq = this.base.seq;
    if (seq === null) return;
    const { ready, buffer } = sequence(seq, this.buffer, incoming);
    this.buffer = buffer;
    if (ready.length > 0) {
      let next = this.base;
      for (const event of ready) next = applyEvent(next, event);
      this.flash(ready);
      this.setBase(next);
      this.history.observe(ready);
    }
    this.scheduleGapCheck();
  }

  private hasGap(): boolean {
    const seq = this.base.seq;
    if (seq === null || this.base.status !== 'ready') return false;
    return this.buffer.length > 0 || (this.latestKnown !== null && seq < this.latestKnown);
  }

  private scheduleGapCheck(): void {
    if (this.gapTimer !== null || this.disposed || !this.hasGap()) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.hasGap()) void this.catchUp();
    }, this.deps.gapDelayMs);
  }

  // ---- our own changes -----------------------------------------------------------------

  /**
   * Lays every waiting write of this board on top, whichever tab made it and even from
   * before a reload; a change no longer waiting and not answered (refused, discarded) goes.
   */
  private showOutbox(entries: readonly OutboxEntry[]): void {
    const waiting = entries.filter((e) => e.boardId === this.boardId && e.status === 'waiting');
    const refs = new Set(waiting.map((e) => e.ref));
    const kept = this.changes.filter((c) => c.settlesAt !== null || refs.has(c.id));
    const known = new Set(kept.map((c) => c.id));
    const added = waiting
      .filter((e) => !known.has(e.ref))
      .map((e): PendingChange => ({ id: e.ref, apply: shownWrite(e.kind, e.variables, { at: new Date(e.createdAt).toISOString() }), settlesAt: null }));
    if (added.length === 0 && kept.length === this.changes.length) return;
    this.changes = [...kept, ...added];
    this.changed();
  }

  private settle(entry: OutboxEntry, outcome: Outcome): void {
    if (entry.boardId !== this.boardId) return;
    if (outcome.ok) this.answer(entry.ref, answeredWrite(entry.kind, outcome.value, entry.variables), outcome.seq);
    else this.cancel(entry.ref);
  }

  /** Shows a change at once, before the server answers (outside the outbox: tests). */
  begin(ref: PendingHandle, apply: Change): PendingHandle {
    this.changes = [...this.changes, { id: ref, apply, settlesAt: null }];
    this.changed();
    return ref;
  }

  /**
   * The server accepted: its answer shows instead of the guess until the board's seq reaches
   * `seq`, the seq of the last event the change logged. No seq: it changed nothing, done.
   */
  answer(handle: PendingHandle, apply: Change, seq: number | null): void {
    if (seq === null || (this.base.seq !== null && this.base.seq >= seq)) {
      this.cancel(handle);
      return;
    }
    this.changes = this.changes.map((c) => (c.id === handle ? { ...c, apply, settlesAt: seq } : c));
    this.changed();
  }

  /** Takes a change off (a refusal rolls back; a confirmed change is in the state already). */
  cancel(handle: PendingHandle): void {
    const before = this.changes.length;
    this.changes = this.changes.filter((c) => c.id !== handle);
    if (this.changes.length !== before) this.changed();
  }

  /** Writes server data that came outside the event stream (a conflict's `current`) into the state. */
  fold(apply: Change): void {
    this.setBase(apply(this.base));
  }

  setDraft(key: string, draft: Draft | null): void {
    this.setBase(setDraft(this.base, key, draft));
  }

  /** Changes the text of an open editor, keeping what it started from. */
  typeDraft(key: string, text: string): void {
    const draft = this.base.drafts[key];
    this.setDraft(key, { ...draft, text });
  }

  private flash(events: readonly BoardEvent[]): void {
    for (const event of events) {
      if (event.origin === this.deps.clientId) continue;
      const taskId = flashedTask(event);
      if (taskId === null) continue;
      this.flashes = { ...this.flashes, [taskId]: true };
      this.later(() => {
        const rest = { ...this.flashes };
        delete rest[taskId];
        this.flashes = rest;
        this.changed();
      }, this.deps.flashMs);
    }
  }

  // ---- plumbing ------------------------------------------------------------------------

  private setBase(next: BoardState): void {
    if (next === this.base) return;
    this.base = next;
    const seq = next.seq;
    if (seq !== null) this.changes = this.changes.filter((c) => c.settlesAt === null || c.settlesAt > seq);
    this.changed();
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.disposed) fn();
    }, ms);
    this.timers.add(timer);
  }

  private changed(): void {
    this.view = null;
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    this.disposed = true;
    this.offOutbox();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.gapTimer !== null) clearTimeout(this.gapTimer);
    this.listeners.clear();
  }
}
