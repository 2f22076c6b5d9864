import type { Column, Comment, Label, Member, Task } from '../api/types';

export type BoardStatus =
  | 'loading' // no board state yet
  | 'ready'
  | 'missing' // no such board, or not a member
  | 'deleted' // board:deleted arrived
  | 'removed'; // this user was removed from the board

/** One board, normalized: what the store holds and what the reducer changes. */
export interface BoardState {
  id: string;
  /** The signed-in user, to recognise `member:removed` of ourselves. */
  me: string | null;
  status: BoardStatus;
  name: string;
  /** The seq of the latest applied event; null until a snapshot arrives. */
  seq: number | null;
  columns: Record<string, Column>;
  tasks: Record<string, Task>;
  /** By user id. */
  members: Record<string, Member>;
  /** The board's labels, by id. */
  labels: Record<string, Label>;
  /**
   * Comment threads of the tasks whose comments were asked for (the open dialog), by task id.
   * Comments are not in the board snapshot: a task without an entry has not been loaded.
   */
  comments: Record<string, CommentThread>;
  /** Text the user is typing, by editor key; survives snapshots, moves and remounts. */
  drafts: Record<string, Draft>;
}

/** One task's comments, oldest first, kept live by comment events once asked for. */
export interface CommentThread {
  /** False while its pages load: events apply meanwhile, and the pages merge with them. */
  loaded: boolean;
  comments: Comment[];
  /** Comments deleted while the pages loaded, so a page fetched before that cannot bring them back. */
  deleted: string[];
}

/** An open editor's text, and what it started from (to tell a real conflict from a stale version). */
export interface Draft {
  text: string;
  /** The task version the edit started from. */
  version?: number;
  /** The value the edit started from. */
  original?: string;
}

export function emptyBoard(id: string, me: string | null): BoardState {
  return { id, me, status: 'loading', name: '', seq: null, columns: {}, tasks: {}, members: {}, labels: {}, comments: {}, drafts: {} };
}

/** Editor keys for drafts. */
export const draftKey = {
  /** The card's own in-place title editor. */
  taskTitle: (taskId: string) => `task:${taskId}:title`,
  /** The task dialog's title editor: its own, so opening it never opens the card's behind it. */
  taskDialogTitle: (taskId: string) => `task:${taskId}:dialog-title`,
  taskDescription: (taskId: string) => `task:${taskId}:description`,
  newTask: (columnId: string) => `column:${columnId}:new-task`,
  columnName: (columnId: string) => `column:${columnId}:name`,
  newColumn: 'board:new-column',
  newChecklistItem: (taskId: string) => `task:${taskId}:new-checklist-item`,
  checklistItem: (itemId: string) => `checklist-item:${itemId}`,
  newComment: (taskId: string) => `task:${taskId}:new-comment`,
  comment: (commentId: string) => `comment:${commentId}`,
} as const;
