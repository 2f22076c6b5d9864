// Pure "what the user just did" changes, applied on top of the server's state until the
// server answers. Places are given as the contract's index (an array move), and the rank is
// a placeholder computed against the state they are applied to, so the item stands where
// the server will put it even while other changes arrive.
import type { Column, Task } from '../api/types';
import type { BoardState } from './boardState';
import { rankBetween } from './rank';
import { orderedColumns, tasksOf } from './selectors';

function rankAt(siblings: readonly { rank: string }[], index: number | undefined): string {
  const i = index === undefined ? siblings.length : Math.min(Math.max(index, 0), siblings.length);
  return rankBetween(siblings[i - 1]?.rank ?? null, siblings[i]?.rank ?? null);
}

/** Shows a new task (or an existing one at a new place) at `index` of a column. */
export function placeTask(state: BoardState, task: Task, columnId: string, index?: number): BoardState {
  if (!(columnId in state.columns)) return state;
  const siblings = tasksOf(state, columnId).filter((t) => t.id !== task.id);
  const rank = rankAt(siblings, index);
  return { ...state, tasks: { ...state.tasks, [task.id]: { ...task, columnId, rank } } };
}

export function moveTaskTo(state: BoardState, taskId: string, columnId: string, index: number): BoardState {
  const task = state.tasks[taskId];
  return task ? placeTask(state, task, columnId, index) : state;
}

export function editTask(state: BoardState, taskId: string, changes: { title?: string; description?: string }): BoardState {
  const task = state.tasks[taskId];
  return task ? { ...state, tasks: { ...state.tasks, [taskId]: { ...task, ...changes } } } : state;
}

export function placeColumn(state: BoardState, column: Column, index?: number): BoardState {
  const siblings = orderedColumns(state).filter((c) => c.id !== column.id);
  const rank = rankAt(siblings, index);
  return { ...state, columns: { ...state.columns, [column.id]: { ...column, rank } } };
}

export function moveColumnTo(state: BoardState, columnId: string, index: number): BoardState {
  const column = state.columns[columnId];
  return column ? placeColumn(state, column, index) : state;
}

export function renameColumn(state: BoardState, columnId: string, name: string): BoardState {
  const column = state.columns[columnId];
  return column ? { ...state, columns: { ...state.columns, [columnId]: { ...column, name } } } : state;
}

/** The index an item has in a list without it (the contract's index for "stay here"). */
export function indexIn(list: readonly { id: string }[], id: string): number {
  return list.findIndex((item) => item.id === id);
}
