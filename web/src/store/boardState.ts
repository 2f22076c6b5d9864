import type { Column, Label, Member, Task } from '../api/types';

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
  /** Text the user is typing, by editor key; survives snapshots, moves and remounts. */
  drafts: Record<string, Draft>;
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
  return { id, me, status: 'loading', name: '', seq: null, columns: {}, tasks: {}, members: {}, labels: {}, drafts: {} };
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
} as const;
