// The contract's events, one type each. The names are the SignalR client methods and the
// log's `type`; nothing else in the app spells them.
import type { ChecklistItem, ColumnWithTasks, Comment, Label, LoggedEvent, Member, Task, User } from '../api/types';

export const EventName = {
  TaskCreated: 'task:created',
  TaskUpdated: 'task:updated',
  TaskMoved: 'task:moved',
  TaskDeleted: 'task:deleted',
  TaskRestored: 'task:restored',
  TasksReranked: 'tasks:reranked',
  ColumnCreated: 'column:created',
  ColumnUpdated: 'column:updated',
  ColumnMoved: 'column:moved',
  ColumnDeleted: 'column:deleted',
  ColumnRestored: 'column:restored',
  ColumnsReranked: 'columns:reranked',
  BoardUpdated: 'board:updated',
  BoardDeleted: 'board:deleted',
  MemberAdded: 'member:added',
  MemberRemoved: 'member:removed',
  LabelCreated: 'label:created',
  LabelUpdated: 'label:updated',
  LabelDeleted: 'label:deleted',
  ChecklistItemCreated: 'checklistItem:created',
  ChecklistItemUpdated: 'checklistItem:updated',
  ChecklistItemMoved: 'checklistItem:moved',
  ChecklistItemDeleted: 'checklistItem:deleted',
  CommentCreated: 'comment:created',
  CommentUpdated: 'comment:updated',
  CommentDeleted: 'comment:deleted',
  PresenceChanged: 'presence:changed',
} as const;

export type EventName = (typeof EventName)[keyof typeof EventName];

/** Every event that changes the board carries this envelope and the board's next seq. */
interface Envelope<T extends EventName> {
  type: T;
  boardId: string;
  seq: number;
  actor: User;
  /** The `X-Client-Id` of the request that caused it, or null. */
  origin: string | null;
  at: string;
}

export interface TaskCreated extends Envelope<typeof EventName.TaskCreated> {
  task: Task;
}
export interface TaskUpdated extends Envelope<typeof EventName.TaskUpdated> {
  taskId: string;
  /**
   * Only the fields whose value changed, plus updatedAt. `dueDate` is null when cleared;
   * `labelIds` and `assigneeIds` are each the whole resulting list.
   */
  updates: Partial<Pick<Task, 'title' | 'description' | 'updatedAt' | 'dueDate' | 'labelIds' | 'assigneeIds'>>;
  /** The old value of each field in `updates` but updatedAt: what an undo puts back. Absent in events logged before #13. */
  before?: Partial<Pick<Task, 'title' | 'description' | 'dueDate' | 'labelIds' | 'assigneeIds'>>;
  version: number;
}
export interface TaskMoved extends Envelope<typeof EventName.TaskMoved> {
  taskId: string;
  fromColumn: string;
  /** The task's 0-based index in fromColumn before the move (absent in events logged before #13). */
  fromPosition?: number;
  toColumn: string;
  rank: string;
  position: number;
  version: number;
  updatedAt: string;
}
export interface TaskDeleted extends Envelope<typeof EventName.TaskDeleted> {
  taskId: string;
}
/** A task back from the trash, whole as in task:created. */
export interface TaskRestored extends Envelope<typeof EventName.TaskRestored> {
  task: Task;
}
export interface TasksReranked extends Envelope<typeof EventName.TasksReranked> {
  columnId: string;
  ranks: { taskId: string; rank: string }[];
}
export interface ColumnCreated extends Envelope<typeof EventName.ColumnCreated> {
  column: ColumnWithTasks;
}
export interface ColumnUpdated extends Envelope<typeof EventName.ColumnUpdated> {
  columnId: string;
  updates: { name?: string };
  /** The old name (absent in events logged before #13). */
  before?: { name?: string };
}
export interface ColumnMoved extends Envelope<typeof EventName.ColumnMoved> {
  columnId: string;
  /** The column's 0-based index before the move (absent in events logged before #13). */
  fromPosition?: number;
  rank: string;
  position: number;
}
export interface ColumnDeleted extends Envelope<typeof EventName.ColumnDeleted> {
  columnId: string;
}
/** A column back from the trash, whole as in column:created; `tasks` are those that went with it, in rank order. */
export interface ColumnRestored extends Envelope<typeof EventName.ColumnRestored> {
  column: ColumnWithTasks;
}
export interface ColumnsReranked extends Envelope<typeof EventName.ColumnsReranked> {
  ranks: { columnId: string; rank: string }[];
}
export interface BoardUpdated extends Envelope<typeof EventName.BoardUpdated> {
  updates: { name?: string };
  /** The old name (absent in events logged before #13). */
  before?: { name?: string };
}
export interface BoardDeleted extends Envelope<typeof EventName.BoardDeleted> {
  /** The members the board had: their board lists hear it too. */
  memberIds: string[];
}
export interface MemberAdded extends Envelope<typeof EventName.MemberAdded> {
  member: Member;
}
export interface MemberRemoved extends Envelope<typeof EventName.MemberRemoved> {
  userId: string;
}

export interface LabelCreated extends Envelope<typeof EventName.LabelCreated> {
  label: Label;
}
export interface LabelUpdated extends Envelope<typeof EventName.LabelUpdated> {
  labelId: string;
  updates: Partial<Pick<Label, 'name' | 'color'>>;
}
/** Also takes the label off every task of the board: no task events come with it. */
export interface LabelDeleted extends Envelope<typeof EventName.LabelDeleted> {
  labelId: string;
}
/** Checklist events do not change the task's version. */
export interface ChecklistItemCreated extends Envelope<typeof EventName.ChecklistItemCreated> {
  taskId: string;
  item: ChecklistItem;
}
export interface ChecklistItemUpdated extends Envelope<typeof EventName.ChecklistItemUpdated> {
  taskId: string;
  itemId: string;
  updates: Partial<Pick<ChecklistItem, 'text' | 'done'>>;
}
export interface ChecklistItemMoved extends Envelope<typeof EventName.ChecklistItemMoved> {
  taskId: string;
  itemId: string;
  rank: string;
  position: number;
}
export interface ChecklistItemDeleted extends Envelope<typeof EventName.ChecklistItemDeleted> {
  taskId: string;
  itemId: string;
}
/** Comment events change the task's commentCount (+1 / -1), not its version. */
export interface CommentCreated extends Envelope<typeof EventName.CommentCreated> {
  taskId: string;
  comment: Comment;
}
export interface CommentUpdated extends Envelope<typeof EventName.CommentUpdated> {
  taskId: string;
  commentId: string;
  updates: Partial<Pick<Comment, 'body' | 'editedAt'>>;
}
export interface CommentDeleted extends Envelope<typeof EventName.CommentDeleted> {
  taskId: string;
  commentId: string;
}

export interface Viewer {
  user: User;
  connections: number;
  editingTaskId: string | null;
}

/** Presence is not logged: no seq, actor or origin. */
export interface PresenceChanged {
  type: typeof EventName.PresenceChanged;
  boardId: string;
  viewers: Viewer[];
  at: string;
}

/** The events that change the board, each with the next seq: the ones the store applies in order. */
export type BoardEvent =
  | TaskCreated
  | TaskUpdated
  | TaskMoved
  | TaskDeleted
  | TaskRestored
  | TasksReranked
  | ColumnCreated
  | ColumnUpdated
  | ColumnMoved
  | ColumnDeleted
  | ColumnRestored
  | ColumnsReranked
  | BoardUpdated
  | BoardDeleted
  | MemberAdded
  | MemberRemoved
  | LabelCreated
  | LabelUpdated
  | LabelDeleted
  | ChecklistItemCreated
  | ChecklistItemUpdated
  | ChecklistItemMoved
  | ChecklistItemDeleted
  | CommentCreated
  | CommentUpdated
  | CommentDeleted;

export type AnyEvent = BoardEvent | PresenceChanged;

// Checked at build: every name in EventName has exactly one event type, and no type lacks a name.
type Missing = Exclude<EventName, AnyEvent['type']>;
type Unnamed = Exclude<AnyEvent['type'], EventName>;
const everyEventHasAType: [Missing, Unnamed] extends [never, never] ? true : never = true;
void everyEventHasAType;

export const eventNames: readonly EventName[] = Object.values(EventName);

const sequenced = new Set<string>(eventNames.filter((n) => n !== EventName.PresenceChanged));

export function isBoardEventName(name: string): name is BoardEvent['type'] {
  return sequenced.has(name);
}

/** An event from `boardEvents` (a log row) as the pushed object: the payload holds every field. */
export function fromLogged(row: LoggedEvent): BoardEvent | null {
  if (!isBoardEventName(row.type)) return null;
  return { ...row.payload, type: row.type, seq: row.seq, actor: row.actor, origin: row.origin, at: row.at } as BoardEvent;
}

/** A pushed event as the hub calls it (method name + one object); the name wins over any `type` field. */
export function fromPushed(name: EventName, arg: unknown): AnyEvent {
  return { ...(arg as object), type: name } as AnyEvent;
}
