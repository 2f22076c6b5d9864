// Pure functions from one board state to the next. Snapshots, events and mutation answers
// all come through here, so there is one way the board changes.
import type { BoardSnapshot, Column, ColumnWithTasks, Label, Member, Task } from '../api/types';
import { EventName, type BoardEvent } from '../realtime/events';
import type { BoardState, Draft } from './boardState';
import {
  addComment,
  patchChecklistItem,
  patchComment,
  patchLabel,
  putChecklistItem,
  putLabel,
  removeChecklistItem,
  removeComment,
  removeLabel,
  unassignEverywhere,
} from './taskDetail';

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

function columnOnly({ id, boardId, name, rank }: ColumnWithTasks): Column {
  return { id, boardId, name, rank };
}

/** Replaces the board with a snapshot; what the user is typing stays. */
export function applySnapshot(state: BoardState, snapshot: BoardSnapshot): BoardState {
  const columns: Record<string, Column> = {};
  const tasks: Record<string, Task> = {};
  for (const column of snapshot.columns) {
    columns[column.id] = columnOnly(column);
    for (const task of column.tasks ?? []) tasks[task.id] = task;
  }
  const members: Record<string, Member> = {};
  for (const member of snapshot.members) members[member.user.id] = member;
  const labels: Record<string, Label> = {};
  for (const label of snapshot.labels ?? []) labels[label.id] = label;

  const stillMember = state.me === null || snapshot.members.length === 0 || state.me in members;
  return {
    ...state,
    status: stillMember ? 'ready' : 'removed',
    name: snapshot.name,
    seq: snapshot.seq,
    columns,
    tasks,
    members,
    labels,
    // Comments are not in a snapshot, and a reset may have skipped their events: an open
    // thread loads again.
    comments: {},
  };
}

/** A task as the server gave it (an answer or a conflict's `current`), unless the store already has this version or a later one. */
export function upsertTask(state: BoardState, task: Task): BoardState {
  const existing = state.tasks[task.id];
  if (existing && existing.version >= task.version) return state;
  if (!(task.columnId in state.columns)) return state; // its column is gone
  return { ...state, tasks: { ...state.tasks, [task.id]: task } };
}

export function removeTask(state: BoardState, taskId: string): BoardState {
  const tasks = omit(state.tasks, taskId);
  return tasks === state.tasks ? state : { ...state, tasks };
}

export function putColumn(state: BoardState, column: Column): BoardState {
  return { ...state, columns: { ...state.columns, [column.id]: columnOnly(column) } };
}

export function removeColumn(state: BoardState, columnId: string): BoardState {
  if (!(columnId in state.columns)) return state;
  const tasks: Record<string, Task> = {};
  for (const task of Object.values(state.tasks)) if (task.columnId !== columnId) tasks[task.id] = task;
  return { ...state, columns: omit(state.columns, columnId), tasks };
}

/** A column back from the trash with the tasks that went with it. */
export function restoreColumn(state: BoardState, column: ColumnWithTasks): BoardState {
  let next = putColumn(state, column);
  for (const task of column.tasks ?? []) next = upsertTask(next, task);
  return next;
}

export function putMember(state: BoardState, member: Member): BoardState {
  return { ...state, members: { ...state.members, [member.user.id]: member } };
}

export function removeMember(state: BoardState, userId: string): BoardState {
  const members = omit(state.members, userId);
  const status = userId === state.me ? 'removed' : state.status;
  return members === state.members && status === state.status ? state : { ...state, members, status };
}

export function setDraft(state: BoardState, key: string, draft: Draft | null): BoardState {
  if (draft === null) {
    const drafts = omit(state.drafts, key);
    return drafts === state.drafts ? state : { ...state, drafts };
  }
  return { ...state, drafts: { ...state.drafts, [key]: draft } };
}

function patchTask(state: BoardState, taskId: string, version: number, patch: Partial<Task>): BoardState {
  const task = state.tasks[taskId];
  // A version the store already has came with an earlier answer: the event adds nothing.
  if (!task || task.version >= version) return state;
  return { ...state, tasks: { ...state.tasks, [taskId]: { ...task, ...patch, version } } };
}

function patchColumn(state: BoardState, columnId: string, patch: Partial<Column>): BoardState {
  const column = state.columns[columnId];
  return column ? { ...state, columns: { ...state.columns, [columnId]: { ...column, ...patch } } } : state;
}

/** Applies one event (the caller keeps seq order) and advances the board's seq to it. */
export function applyEvent(state: BoardState, event: BoardEvent): BoardState {
  return { ...applyChange(state, event), seq: event.seq };
}

function applyChange(state: BoardState, event: BoardEvent): BoardState {
  switch (event.type) {
    case EventName.TaskCreated:
      return upsertTask(state, event.task);
    case EventName.TaskUpdated:
      return patchTask(state, event.taskId, event.version, event.updates);
    case EventName.TaskMoved:
      return patchTask(state, event.taskId, event.version, {
        columnId: event.toColumn,
        rank: event.rank,
        updatedAt: event.updatedAt,
      });
    case EventName.TaskDeleted:
      return removeTask(state, event.taskId);
    case EventName.TaskRestored:
      return upsertTask(state, event.task);
    case EventName.TasksReranked: {
      const tasks = { ...state.tasks };
      for (const { taskId, rank } of event.ranks) {
        const task = tasks[taskId];
        if (task) tasks[taskId] = { ...task, rank };
      }
      return { ...state, tasks };
    }
    case EventName.ColumnCreated:
      return putColumn(state, event.column);
    case EventName.ColumnUpdated:
      return patchColumn(state, event.columnId, event.updates);
    case EventName.ColumnMoved:
      return patchColumn(state, event.columnId, { rank: event.rank });
    case EventName.ColumnDeleted:
      return removeColumn(state, event.columnId);
    case EventName.ColumnRestored:
      return restoreColumn(state, event.column);
    case EventName.ColumnsReranked: {
      const columns = { ...state.columns };
      for (const { columnId, rank } of event.ranks) {
        const column = columns[columnId];
        if (column) columns[columnId] = { ...column, rank };
      }
      return { ...state, columns };
    }
    case EventName.BoardUpdated:
      return event.updates.name === undefined ? state : { ...state, name: event.updates.name };
    case EventName.BoardDeleted:
      return { ...state, status: 'deleted' };
    case EventName.MemberAdded:
      return putMember(state, event.member);
    case EventName.MemberRemoved:
      return unassignEverywhere(removeMember(state, event.userId), event.userId);
    case EventName.LabelCreated:
      return putLabel(state, event.label);
    case EventName.LabelUpdated:
      return patchLabel(state, event.labelId, event.updates);
    case EventName.LabelDeleted:
      return removeLabel(state, event.labelId);
    case EventName.ChecklistItemCreated:
      return putChecklistItem(state, event.item);
    case EventName.ChecklistItemUpdated:
      return patchChecklistItem(state, event.taskId, event.itemId, event.updates);
    case EventName.ChecklistItemMoved:
      return patchChecklistItem(state, event.taskId, event.itemId, { rank: event.rank });
    case EventName.ChecklistItemDeleted:
      return removeChecklistItem(state, event.taskId, event.itemId);
    case EventName.CommentCreated:
      return addComment(state, event.comment);
    case EventName.CommentUpdated:
      return patchComment(state, event.taskId, event.commentId, event.updates);
    case EventName.CommentDeleted:
      return removeComment(state, event.taskId, event.commentId);
    default:
      return assertNever(event);
  }
}

function assertNever(event: never): never {
  throw new Error(`unknown event ${(event as { type: string }).type}`);
}
