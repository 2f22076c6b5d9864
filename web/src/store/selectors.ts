import type { Column, Task } from '../api/types';
import type { BoardState } from './boardState';

/** The contract's order: plain ordinal comparison of rank. Never by id or time. */
export function byRank(a: { rank: string }, b: { rank: string }): number {
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
}

const columnsCache = new WeakMap<BoardState['columns'], Column[]>();
const tasksCache = new WeakMap<BoardState['tasks'], Map<string, Task[]>>();

export function orderedColumns(state: BoardState): Column[] {
  let list = columnsCache.get(state.columns);
  if (!list) {
    list = Object.values(state.columns).sort(byRank);
    columnsCache.set(state.columns, list);
  }
  return list;
}

/** The lists made last, by column: the next version of the task map reuses those that did not change. */
let lastGroups = new Map<string, Task[]>();

const sameTasks = (a: readonly Task[], b: readonly Task[] | undefined): boolean =>
  b !== undefined && a.length === b.length && a.every((task, i) => task === b[i]);

/**
 * Tasks grouped by column, each list in rank order. Computed once per version of the task map; a
 * column whose tasks are the same, in the same order, keeps the same list: one changed task (an
 * event, someone's edit) then renders its own column again, not every column and card.
 */
export function tasksByColumn(state: BoardState): Map<string, Task[]> {
  let groups = tasksCache.get(state.tasks);
  if (!groups) {
    groups = new Map();
    for (const task of Object.values(state.tasks)) {
      const list = groups.get(task.columnId);
      if (list) list.push(task);
      else groups.set(task.columnId, [task]);
    }
    for (const [columnId, list] of groups) {
      list.sort(byRank);
      const before = lastGroups.get(columnId);
      if (sameTasks(list, before)) groups.set(columnId, before!);
    }
    tasksCache.set(state.tasks, groups);
    lastGroups = groups;
  }
  return groups;
}

const none: Task[] = [];

export function tasksOf(state: BoardState, columnId: string): Task[] {
  return tasksByColumn(state).get(columnId) ?? none;
}
