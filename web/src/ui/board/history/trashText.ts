// What the trash view says about each item and about a restore that failed.
import { describeError, ErrorCode, isApiError } from '../../../api/errors';
import type { TrashItem } from '../../../api/types';
import { relativeTime } from '../../time';

/** "Deleted by Ana, 2 hours ago" ("by you" for one's own). */
export function deletedLine(item: TrashItem, meId: string, now: number): string {
  const who = item.deletedBy.id === meId ? 'you' : item.deletedBy.name;
  return `Deleted by ${who}, ${relativeTime(item.deletedAt, now)}`;
}

/** For a column: the tasks that went with it, and come back with it. */
export function tasksWith(item: TrashItem): string | null {
  if (item.kind !== 'column' || item.taskCount === null) return null;
  if (item.taskCount === 0) return 'no tasks';
  return item.taskCount === 1 ? 'with its 1 task' : `with its ${item.taskCount.toLocaleString('en-US')} tasks`;
}

/** Why a restore was refused, and what to do. */
export function restoreProblem(error: unknown): string {
  if (isApiError(error, ErrorCode.NotFound)) return 'It is no longer in the trash: it was removed for good. Refresh the list.';
  if (isApiError(error, ErrorCode.Forbidden)) return 'Only editors and owners of this board can restore. Ask an owner to change your role.';
  // A task with no column to go back to: the board has none left.
  if (isApiError(error, ErrorCode.Validation) && /no column/i.test(error.message)) return `${error.message} Add a column, then restore it.`;
  return describeError(error);
}

/** The list without what was just restored (its own event will also make the refreshed list lack it). */
export function withoutItem(items: readonly TrashItem[], id: string): TrashItem[] {
  return items.filter((item) => item.id !== id);
}
