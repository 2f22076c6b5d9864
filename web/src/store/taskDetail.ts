// Pure changes of a task's detail (labels, assignees, checklist, comments), shared by the
// reducer (events) and by local changes (what the user just did).
import type { ChecklistItem, Comment, Label, Task } from '../api/types';
import type { BoardState, CommentThread } from './boardState';
import { byRank } from './selectors';

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

/** Changes one task without touching its version (checklist and comment changes leave it). */
export function changeTask(state: BoardState, taskId: string, change: (task: Task) => Task): BoardState {
  const task = state.tasks[taskId];
  return task ? { ...state, tasks: { ...state.tasks, [taskId]: change(task) } } : state;
}

/** Changes every task of the board that `touches`. */
function changeEveryTask(state: BoardState, touches: (task: Task) => boolean, change: (task: Task) => Task): BoardState {
  let tasks: Record<string, Task> | null = null;
  for (const task of Object.values(state.tasks)) {
    if (!touches(task)) continue;
    tasks ??= { ...state.tasks };
    tasks[task.id] = change(task);
  }
  return tasks ? { ...state, tasks } : state;
}

// ---- labels ------------------------------------------------------------------------------

export function putLabel(state: BoardState, label: Label): BoardState {
  return { ...state, labels: { ...state.labels, [label.id]: label } };
}

export function patchLabel(state: BoardState, labelId: string, updates: Partial<Label>): BoardState {
  const label = state.labels[labelId];
  return label ? putLabel(state, { ...label, ...updates }) : state;
}

/** The label goes, and with it from every task that had it. */
export function removeLabel(state: BoardState, labelId: string): BoardState {
  const labels = omit(state.labels, labelId);
  const next = labels === state.labels ? state : { ...state, labels };
  return changeEveryTask(
    next,
    (t) => t.labelIds.includes(labelId),
    (t) => ({ ...t, labelIds: t.labelIds.filter((id) => id !== labelId) }),
  );
}

/** A member who left is taken off every task they were assigned. */
export function unassignEverywhere(state: BoardState, userId: string): BoardState {
  return changeEveryTask(
    state,
    (t) => t.assigneeIds.includes(userId),
    (t) => ({ ...t, assigneeIds: t.assigneeIds.filter((id) => id !== userId) }),
  );
}

/** Adds and removes ids of a list (labels, assignees): what is there stays once, what is not stays out. */
export function applyDelta(list: readonly string[], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const next = list.filter((id) => !remove.includes(id));
  for (const id of add) if (!next.includes(id) && !remove.includes(id)) next.push(id);
  return next;
}

/** The board's labels in the order people read them: by name, any letter case, then id. */
export function orderedLabels(state: Pick<BoardState, 'labels'>): Label[] {
  return Object.values(state.labels).sort((a, b) => {
    const byName = a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
    return byName !== 0 ? byName : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

// ---- checklist ---------------------------------------------------------------------------

const withItems = (task: Task, checklist: ChecklistItem[]): Task => ({ ...task, checklist: checklist.sort(byRank) });

export function putChecklistItem(state: BoardState, item: ChecklistItem): BoardState {
  return changeTask(state, item.taskId, (t) => withItems(t, [...t.checklist.filter((i) => i.id !== item.id), item]));
}

export function patchChecklistItem(state: BoardState, taskId: string, itemId: string, updates: Partial<ChecklistItem>): BoardState {
  const task = state.tasks[taskId];
  if (!task?.checklist.some((i) => i.id === itemId)) return state;
  return changeTask(state, taskId, (t) => withItems(t, t.checklist.map((i) => (i.id === itemId ? { ...i, ...updates } : i))));
}

export function removeChecklistItem(state: BoardState, taskId: string, itemId: string): BoardState {
  const task = state.tasks[taskId];
  if (!task?.checklist.some((i) => i.id === itemId)) return state;
  return changeTask(state, taskId, (t) => ({ ...t, checklist: t.checklist.filter((i) => i.id !== itemId) }));
}

// ---- comments ----------------------------------------------------------------------------

const byTime = (a: Comment, b: Comment) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function changeThread(state: BoardState, taskId: string, change: (thread: CommentThread) => CommentThread): BoardState {
  const thread = state.comments[taskId];
  return thread ? { ...state, comments: { ...state.comments, [taskId]: change(thread) } } : state;
}

const countBy = (state: BoardState, taskId: string, delta: number) =>
  changeTask(state, taskId, (t) => ({ ...t, commentCount: Math.max(0, t.commentCount + delta) }));

/** A new comment: the task counts one more, and its thread (when loaded) shows it. */
export function addComment(state: BoardState, comment: Comment): BoardState {
  const next = countBy(state, comment.taskId, 1);
  return changeThread(next, comment.taskId, (th) => ({ ...th, comments: [...th.comments.filter((c) => c.id !== comment.id), comment].sort(byTime) }));
}

export function patchComment(state: BoardState, taskId: string, commentId: string, updates: Partial<Comment>): BoardState {
  return changeThread(state, taskId, (th) => ({ ...th, comments: th.comments.map((c) => (c.id === commentId ? { ...c, ...updates } : c)) }));
}

export function removeComment(state: BoardState, taskId: string, commentId: string): BoardState {
  const next = countBy(state, taskId, -1);
  return changeThread(next, taskId, (th) => ({
    ...th,
    comments: th.comments.filter((c) => c.id !== commentId),
    deleted: th.loaded ? th.deleted : [...th.deleted, commentId],
  }));
}

/** Starts a thread that events keep live while its pages load. */
export function startThread(state: BoardState, taskId: string): BoardState {
  if (state.comments[taskId]) return state;
  return { ...state, comments: { ...state.comments, [taskId]: { loaded: false, comments: [], deleted: [] } } };
}

/**
 * The loaded pages meet what events brought meanwhile: a comment from both is kept once (the
 * later edit wins), one deleted meanwhile stays out.
 */
export function loadThread(state: BoardState, taskId: string, fetched: readonly Comment[]): BoardState {
  const thread = state.comments[taskId];
  // Dropped meanwhile (a reset): events were missed, so these pages may be stale; load again.
  if (!thread) return state;
  const byId = new Map<string, Comment>();
  for (const c of fetched) if (!thread.deleted.includes(c.id)) byId.set(c.id, c);
  for (const c of thread.comments) {
    const other = byId.get(c.id);
    if (!other || (c.editedAt ?? '') > (other.editedAt ?? '')) byId.set(c.id, c);
  }
  const comments = [...byId.values()].sort(byTime);
  return { ...state, comments: { ...state.comments, [taskId]: { loaded: true, comments, deleted: [] } } };
}

export function dropThread(state: BoardState, taskId: string): BoardState {
  const comments = omit(state.comments, taskId);
  return comments === state.comments ? state : { ...state, comments };
}
