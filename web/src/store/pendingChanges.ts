// This user's changes that the server has not confirmed yet, laid over the server's state.
import { EventName, type BoardEvent } from '../realtime/events';
import type { BoardState } from './boardState';

export type Change = (state: BoardState) => BoardState;

export interface PendingChange {
  id: number;
  /** What it changes, as events name it ("task:ID", "column:ID", "board", "member:USER", "label:ID", "checklistItem:ID", "comment:ID"). */
  key: string;
  apply: Change;
  /** The server accepted it; `apply` now shows its answer. */
  answered: boolean;
  /** Our own event for this item arrived: the server's state already holds the change. */
  eventSeen: boolean;
  /** True once the server's state holds the answer. */
  confirmed?: (base: BoardState) => boolean;
}

/** The state as the user should see it: the server's, then each unconfirmed change in order. */
export function layOver(base: BoardState, changes: readonly PendingChange[]): BoardState {
  let board = base;
  for (const change of changes) {
    try {
      board = change.apply(board);
    } catch (error) {
      // A change that no longer fits (its neighbours moved oddly) is not shown; the server decides.
      console.warn('a local change could not be shown', error);
    }
  }
  return board;
}

/**
 * Our own events (origin = this tab) confirm our changes, oldest first per item: an answered
 * change is done; one still waiting for its answer is marked, and goes when the answer comes.
 */
export function settledBy(changes: readonly PendingChange[], events: readonly BoardEvent[], clientId: string): PendingChange[] {
  let next = [...changes];
  for (const event of events) {
    if (event.origin !== clientId) continue;
    const key = keyOf(event);
    const change = next.find((c) => c.key === key && !c.eventSeen);
    if (!change) continue;
    next = change.answered ? next.filter((c) => c !== change) : next.map((c) => (c === change ? { ...c, eventSeen: true } : c));
  }
  return next;
}

export function keyOf(event: BoardEvent): string | null {
  switch (event.type) {
    case EventName.TaskCreated:
    case EventName.TaskRestored:
      return `task:${event.task.id}`;
    case EventName.TaskUpdated:
    case EventName.TaskMoved:
    case EventName.TaskDeleted:
      return `task:${event.taskId}`;
    case EventName.ColumnCreated:
    case EventName.ColumnRestored:
      return `column:${event.column.id}`;
    case EventName.ColumnUpdated:
    case EventName.ColumnMoved:
    case EventName.ColumnDeleted:
      return `column:${event.columnId}`;
    case EventName.BoardUpdated:
      return 'board';
    case EventName.MemberAdded:
      return `member:${event.member.user.id}`;
    case EventName.MemberRemoved:
      return `member:${event.userId}`;
    case EventName.LabelCreated:
      return `label:${event.label.id}`;
    case EventName.LabelUpdated:
    case EventName.LabelDeleted:
      return `label:${event.labelId}`;
    case EventName.ChecklistItemCreated:
      return `checklistItem:${event.item.id}`;
    case EventName.ChecklistItemUpdated:
    case EventName.ChecklistItemMoved:
    case EventName.ChecklistItemDeleted:
      return `checklistItem:${event.itemId}`;
    case EventName.CommentCreated:
      return `comment:${event.comment.id}`;
    case EventName.CommentUpdated:
    case EventName.CommentDeleted:
      return `comment:${event.commentId}`;
    default:
      return null;
  }
}
