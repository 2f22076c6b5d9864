import type { Task } from '../api/types';
import { smallStore } from '../lib/smallStore';

export interface TaskEdit {
  title?: string;
  description?: string;
}

/** A task edit the server refused because someone changed the task first. */
export interface Conflict {
  boardId: string;
  theirs: Task;
  mine: TaskEdit;
  keepMine(): void;
  takeTheirs(): void;
}

/** The conflict waiting for the user's choice (one at a time; a newer one replaces it). */
export const openConflict = smallStore<Conflict | null>(null);

export type ConflictDecision = 'already-mine' | 'resend' | 'ask';

/**
 * What to do when an edit meets a newer version. Only a real clash needs the user: when
 * nobody touched the fields we edit (someone moved the task, say) we resend; when theirs
 * already equals ours there is nothing to do.
 */
export function decideConflict(mine: TaskEdit, startedFrom: TaskEdit, theirs: Task): ConflictDecision {
  const fields = (Object.keys(mine) as (keyof TaskEdit)[]).filter((f) => mine[f] !== undefined);
  if (fields.every((f) => theirs[f] === mine[f])) return 'already-mine';
  if (fields.every((f) => theirs[f] === startedFrom[f])) return 'resend';
  return 'ask';
}
