// One board's undo and redo in this tab: the stack of store/undo.ts, filled by this tab's
// accepted writes and made exact by the events they caused.
import type { User } from '../api/types';
import { EventName, type BoardEvent } from '../realtime/events';
import { dropped, emptyStack, recorded, refine, stepped, type Change, type Direction, type NewChange, type UndoStack } from './undo';

/** Own events kept for a change whose answer comes after its event. */
const RECENT = 50;

export class UndoHistory {
  private stack: UndoStack = emptyStack;
  private nextId = 1;
  private writes = new Set<Promise<unknown>>();
  private recent: BoardEvent[] = [];
  private renamers: Record<string, User> = {};
  private listeners = new Set<() => void>();
  private readonly clientId: string;

  constructor(clientId: string) {
    this.clientId = clientId;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UndoStack => this.stack;

  /**
   * A write of this tab that can be undone: its change goes on the stack once the server has
   * accepted it (the write answers nothing when refused or when it changed nothing).
   */
  record(write: Promise<NewChange | false | null | undefined>): Promise<Change | undefined> {
    const pending = write.then(
      (change) => {
        if (!change) return undefined;
        let exact: Change = { ...change, id: this.nextId++ };
        for (const event of this.recent) exact = refine(exact, event) ?? exact;
        this.set(recorded(this.stack, exact));
        return exact;
      },
      () => undefined,
    );
    this.writes.add(pending);
    void pending.finally(() => this.writes.delete(pending));
    return pending;
  }

  /** Resolves once every write made so far is answered: Ctrl+Z right after a change undoes that change. */
  async settled(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes]);
  }

  stepped(id: number, direction: Direction, version?: number): void {
    this.set(stepped(this.stack, id, direction, version));
  }

  drop(id: number): void {
    this.set(dropped(this.stack, id));
  }

  /** Who last renamed the column, as far as this tab saw (someone else, or this user elsewhere). */
  lastRenamer(columnId: string): User | undefined {
    return this.renamers[columnId];
  }

  /** Events applied to the board, in seq order. */
  observe(events: readonly BoardEvent[]): void {
    let stack = this.stack;
    for (const event of events) {
      if (event.type === EventName.ColumnUpdated && event.updates.name !== undefined && event.origin !== this.clientId) this.renamers[event.columnId] = event.actor;
      if (event.origin !== this.clientId) continue;
      this.recent = [...this.recent.slice(1 - RECENT), event];
      // Only changes in their done state: an undo's own event tells the opposite direction.
      const undo = stack.undo.map((change) => refine(change, event) ?? change);
      if (undo.some((c, i) => c !== stack.undo[i])) stack = { ...stack, undo };
    }
    this.set(stack);
  }

  private set(stack: UndoStack): void {
    if (stack === this.stack) return;
    this.stack = stack;
    for (const listener of this.listeners) listener();
  }
}
