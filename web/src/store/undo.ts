// This tab's own recent changes, each with what undoing and redoing it sends: pure, so the
// stack's rules are tested on their own. Undo and redo are ordinary mutations (store/mutations/undo.ts).
import type { UpdateTaskInput } from '../api/commands';
import { EventName, type BoardEvent } from '../realtime/events';

/** A task's scalar fields that an undo sets back (checked per field against expectedVersion). */
export interface TaskFields {
  title?: string;
  description?: string;
  dueDate?: string | null;
}

/** A place in a list: the contract's index, counted without the item. */
export interface Place {
  columnId: string;
  index: number;
}

type Shape =
  /** Created, deleted or restored: undone by the opposite (a deleted item is restored from the trash). */
  | { kind: 'taskPresence'; taskId: string; title: string; verb: 'add' | 'delete' | 'restore' }
  | { kind: 'columnPresence'; columnId: string; name: string; verb: 'add' | 'delete' | 'restore' }
  | { kind: 'taskFields'; taskId: string; title: string; before: TaskFields; after: TaskFields }
  /** A label or assignee put on or taken off: undone by the inverse delta, which never conflicts. */
  | { kind: 'taskDelta'; taskId: string; title: string; field: 'labelIds' | 'assigneeIds'; itemId: string; itemName: string; on: boolean }
  | { kind: 'taskMove'; taskId: string; title: string; from: Place; to: Place }
  | { kind: 'columnRename'; columnId: string; before: string; after: string }
  | { kind: 'columnMove'; columnId: string; name: string; from: number; to: number };

export type Change = Shape & {
  id: number;
  /** For a task: the version the last application of it (the change, an undo or a redo) produced. */
  version?: number;
  /** The event it caused has been seen: `before` and the places are the server's, not the client's guess. */
  exact?: boolean;
};

export type NewChange = Shape & { version?: number };

export type Direction = 'undo' | 'redo';

export interface UndoStack {
  /** Oldest first; the last is undone next. */
  undo: Change[];
  /** Oldest first; the last is redone next. */
  redo: Change[];
}

export const emptyStack: UndoStack = { undo: [], redo: [] };

/** How many changes are kept: more than anyone undoes by hand. */
export const MAX_CHANGES = 100;

/** A new change of one's own: it goes on top, and what was undone can no longer be redone. */
export function recorded(stack: UndoStack, change: Change): UndoStack {
  return { undo: [...stack.undo, change].slice(-MAX_CHANGES), redo: [] };
}

/** A change undone (or redone): it goes to the other stack, with the version that step produced. */
export function stepped(stack: UndoStack, id: number, direction: Direction, version?: number): UndoStack {
  const [from, to] = direction === 'undo' ? [stack.undo, stack.redo] : [stack.redo, stack.undo];
  const change = from.find((c) => c.id === id);
  if (!change) return stack;
  const moved = version === undefined ? change : { ...change, version };
  const rest = from.filter((c) => c !== moved && c.id !== id);
  const next = [...to, moved];
  return direction === 'undo' ? { undo: rest, redo: next } : { undo: next, redo: rest };
}

/** A change that can no longer be undone or redone (refused, or its item is gone for good). */
export function dropped(stack: UndoStack, id: number): UndoStack {
  return { undo: stack.undo.filter((c) => c.id !== id), redo: stack.redo.filter((c) => c.id !== id) };
}

export const nextUndo = (stack: UndoStack): Change | undefined => stack.undo.at(-1);
export const nextRedo = (stack: UndoStack): Change | undefined => stack.redo.at(-1);

const q = (text: string) => `“${text}”`;

const fieldNames: Record<keyof TaskFields, string> = { title: 'the title', description: 'the description', dueDate: 'the due date' };

/** What the change did, for "Undo: …", "Redo: …" and the toasts: "move “Fix login”". */
export function describe(change: Change): string {
  switch (change.kind) {
    case 'taskPresence':
      return `${change.verb} ${q(change.title)}`;
    case 'columnPresence':
      return `${change.verb} column ${q(change.name)}`;
    case 'taskFields': {
      const fields = Object.keys(change.after) as (keyof TaskFields)[];
      if (fields.length === 1 && fields[0] === 'title') return `rename ${q(change.before.title ?? change.title)}`;
      if (fields.length === 1) return `change ${fieldNames[fields[0]]} of ${q(change.title)}`;
      return `edit ${q(change.title)}`;
    }
    case 'taskDelta':
      if (change.field === 'labelIds') return change.on ? `add label ${q(change.itemName)} to ${q(change.title)}` : `remove label ${q(change.itemName)} from ${q(change.title)}`;
      return change.on ? `assign ${change.itemName} to ${q(change.title)}` : `unassign ${change.itemName} from ${q(change.title)}`;
    case 'taskMove':
      return `move ${q(change.title)}`;
    case 'columnRename':
      return `rename column ${q(change.before)}`;
    case 'columnMove':
      return `move column ${q(change.name)}`;
  }
}

/** The mutation one step sends. */
export type Step =
  | { op: 'deleteTask'; taskId: string }
  | { op: 'restoreTask'; taskId: string }
  | { op: 'deleteColumn'; columnId: string }
  | { op: 'restoreColumn'; columnId: string }
  /** `expected`: the values the task must still hold (ours), to name a field someone changed since. */
  | { op: 'updateTask'; input: UpdateTaskInput; expected: TaskFields }
  | { op: 'moveTask'; taskId: string; to: Place; expectedVersion?: number }
  /** Columns have no version: refused on the client when the name is no longer `expectedName`. */
  | { op: 'renameColumn'; columnId: string; name: string; expectedName: string }
  | { op: 'moveColumn'; columnId: string; index: number };

/**
 * What undoing (or redoing) a change sends. Updates and moves carry expectedVersion: the
 * version the change (or its last undo or redo) produced, so that the server refuses an undo
 * of a field someone changed since; deltas, deletes and restores need none.
 */
export function step(change: Change, direction: Direction): Step {
  const undo = direction === 'undo';
  switch (change.kind) {
    case 'taskPresence': {
      const exists = (change.verb !== 'delete') !== undo; // after this step
      return exists ? { op: 'restoreTask', taskId: change.taskId } : { op: 'deleteTask', taskId: change.taskId };
    }
    case 'columnPresence': {
      const exists = (change.verb !== 'delete') !== undo;
      return exists ? { op: 'restoreColumn', columnId: change.columnId } : { op: 'deleteColumn', columnId: change.columnId };
    }
    case 'taskFields': {
      const [set, expected] = undo ? [change.before, change.after] : [change.after, change.before];
      return { op: 'updateTask', input: { id: change.taskId, ...set, expectedVersion: change.version }, expected };
    }
    case 'taskDelta': {
      const add = change.on !== undo;
      const ids = [change.itemId];
      const input: UpdateTaskInput =
        change.field === 'labelIds' ? (add ? { id: change.taskId, addLabelIds: ids } : { id: change.taskId, removeLabelIds: ids }) : add ? { id: change.taskId, addAssigneeIds: ids } : { id: change.taskId, removeAssigneeIds: ids };
      return { op: 'updateTask', input, expected: {} };
    }
    case 'taskMove':
      return { op: 'moveTask', taskId: change.taskId, to: undo ? change.from : change.to, expectedVersion: change.version };
    case 'columnRename':
      return undo
        ? { op: 'renameColumn', columnId: change.columnId, name: change.before, expectedName: change.after }
        : { op: 'renameColumn', columnId: change.columnId, name: change.after, expectedName: change.before };
    case 'columnMove':
      return { op: 'moveColumn', columnId: change.columnId, index: undo ? change.from : change.to };
  }
}

/**
 * The change as its own event tells it, or null when the event is not the one it caused.
 * The event has the server's values: the old value it overwrote, the place the task left.
 * A task's event is recognised by the version the change produced; a column's by its name or place.
 */
export function refine(change: Change, event: BoardEvent): Change | null {
  if (change.exact) return null;
  switch (event.type) {
    case EventName.TaskUpdated: {
      if (change.kind !== 'taskFields' || event.taskId !== change.taskId || event.version !== change.version || !event.before) return null;
      const before: TaskFields = { ...change.before };
      for (const field of Object.keys(change.after) as (keyof TaskFields)[]) {
        if (field in event.before) Object.assign(before, { [field]: event.before[field] });
      }
      return { ...change, before, exact: true };
    }
    case EventName.TaskMoved: {
      if (change.kind !== 'taskMove' || event.taskId !== change.taskId || event.version !== change.version || event.fromPosition === undefined) return null;
      return {
        ...change,
        from: { columnId: event.fromColumn, index: event.fromPosition },
        to: { columnId: event.toColumn, index: event.position },
        exact: true,
      };
    }
    case EventName.ColumnUpdated: {
      if (change.kind !== 'columnRename' || event.columnId !== change.columnId || event.updates.name !== change.after || event.before?.name === undefined) return null;
      return { ...change, before: event.before.name, exact: true };
    }
    case EventName.ColumnMoved: {
      if (change.kind !== 'columnMove' || event.columnId !== change.columnId || event.position !== change.to || event.fromPosition === undefined) return null;
      return { ...change, from: event.fromPosition, exact: true };
    }
    default:
      return null;
  }
}
