// The board's filter: what a person narrowed the cards to, kept in the URL's query string
// (?q=…&label=…&assignee=me&due=overdue) so a link shares it and reload and Back keep it.
import type { Task } from '../api/types';
import { dueBucket } from '../lib/dates';

export type DueFilter = 'overdue' | 'week' | 'none';

export interface TaskFilter {
  /** Words that must all appear in the title or description, any letter case. */
  text: string;
  /** Any of these labels (ids). */
  labelIds: string[];
  /** Any of these people: user ids, or "me" for whoever is looking (so a shared link means the reader). */
  assignees: string[];
  /** Overdue, due this week (today to Sunday), or without a date; null for any. */
  due: DueFilter | null;
}

export const ME = 'me';
export const emptyFilter: TaskFilter = { text: '', labelIds: [], assignees: [], due: null };
const dueValues: readonly DueFilter[] = ['overdue', 'week', 'none'];

export function isFilterOn(filter: TaskFilter): boolean {
  return filter.text.trim() !== '' || filter.labelIds.length > 0 || filter.assignees.length > 0 || filter.due !== null;
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

export function parseFilter(search: string): TaskFilter {
  const params = new URLSearchParams(search);
  const due = params.get('due');
  return {
    text: params.get('q') ?? '',
    labelIds: unique(params.getAll('label')),
    assignees: unique(params.getAll('assignee').map((a) => (a.toLowerCase() === ME ? ME : a))),
    due: dueValues.includes(due as DueFilter) ? (due as DueFilter) : null,
  };
}

/** The query string for a filter, with its "?", or "" when nothing is filtered. */
export function filterToSearch(filter: TaskFilter): string {
  const params = new URLSearchParams();
  if (filter.text !== '') params.set('q', filter.text);
  for (const id of filter.labelIds) params.append('label', id);
  for (const id of filter.assignees) params.append('assignee', id);
  if (filter.due) params.set('due', filter.due);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface FilterContext {
  /** The signed-in user's id, what "me" stands for. */
  me: string;
  /** Today on the local calendar, 'YYYY-MM-DD'. */
  today: string;
  /** The board's label ids and member ids: a link naming a label or person no longer there ignores them. */
  labelIds: ReadonlySet<string>;
  memberIds: ReadonlySet<string>;
}

/** A task test for a filter, prepared once for many tasks. */
export function taskMatcher(filter: TaskFilter, context: FilterContext): (task: Task) => boolean {
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const labels = new Set(filter.labelIds.filter((id) => context.labelIds.has(id)));
  const people = new Set(filter.assignees.map((a) => (a === ME ? context.me : a)).filter((id) => context.memberIds.has(id)));
  return (task) => {
    if (words.length > 0) {
      const haystack = `${task.title}\n${task.description}`.toLocaleLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    // `?? []`: a task from an answer that did not select these fields yet must not break the board.
    if (labels.size > 0 && !(task.labelIds ?? []).some((id) => labels.has(id))) return false;
    if (people.size > 0 && !(task.assigneeIds ?? []).some((id) => people.has(id))) return false;
    if (filter.due) {
      const bucket = dueBucket(task.dueDate, context.today);
      if (filter.due === 'overdue' && bucket !== 'overdue') return false;
      if (filter.due === 'week' && bucket !== 'today' && bucket !== 'week') return false;
      if (filter.due === 'none' && bucket !== 'none') return false;
    }
    return true;
  };
}

/**
 * Where a task dropped among the visible (filtered) tasks goes in the whole column, as
 * moveTask's index: just before the next visible task, else just after the previous one,
 * else at the end. `visible` is the column's visible ids after the drop, `all` the whole column.
 */
export function indexInColumn(taskId: string, visible: readonly string[], all: readonly string[]): number {
  const rest = all.filter((id) => id !== taskId);
  const at = visible.indexOf(taskId);
  const next = visible.slice(at + 1).find((id) => rest.includes(id));
  if (next !== undefined) return rest.indexOf(next);
  const previous = visible.slice(0, Math.max(at, 0)).reverse().find((id) => rest.includes(id));
  if (previous !== undefined) return rest.indexOf(previous) + 1;
  return rest.length;
}
