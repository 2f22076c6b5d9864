import { newId } from '../../api/clientId';
import { ErrorCode, isApiError } from '../../api/errors';
import type { Task, User } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { decideConflict, openConflict, type TaskEdit } from '../conflicts';
import { upsertTask } from '../reducer';
import { tasksOf } from '../selectors';
import type { Change, NewChange, TaskFields } from '../undo';
import { track } from './track';

/** A task as it is first made: a title and nothing else. */
export function newTask(boardId: string, columnId: string, title: string, me: User, id = newId()): Task {
  const now = new Date().toISOString();
  return {
    id,
    boardId,
    columnId,
    title: title.trim(),
    description: '',
    rank: '',
    version: 0, // any version the server gives wins
    createdAt: now,
    updatedAt: now,
    dueDate: null,
    labelIds: [],
    assigneeIds: [],
    checklist: [],
    commentCount: 0,
    createdBy: me,
  };
}

/**
 * Whether an answer changed the task: a write that set what was already there gets the
 * version the task had, and causes no event; it is nothing to undo.
 */
export const changesTask = (store: BoardStore, taskId: string) => {
  const before = store.confirmed.tasks[taskId]?.version ?? -1;
  return (answer: Task | undefined): answer is Task => answer !== undefined && answer.version > before;
};

export function createTask(store: BoardStore, columnId: string, title: string, me: User): Promise<Task | undefined> {
  const draft = newTask(store.boardId, columnId, title, me);
  const { id } = draft;
  const created = track({
    store,
    kind: 'createTask',
    variables: { input: { id, columnId, title: draft.title } },
    failure: 'Couldn’t add the task',
  });
  store.history.record(created.then((answer) => answer && { kind: 'taskPresence', taskId: id, title: answer.title, verb: 'add' }));
  return created;
}

/** Moves a task to `index` of a column (the place it will have, counted without it). */
export function moveTask(store: BoardStore, taskId: string, columnId: string, index: number): Promise<Task | undefined> {
  // Where it was, as this tab sees it; the event's fromPosition replaces it when it arrives.
  const view = store.getSnapshot().board;
  const held = view.tasks[taskId];
  const from = held && { columnId: held.columnId, index: tasksOf(view, held.columnId).findIndex((t) => t.id === taskId) };
  const changed = changesTask(store, taskId);
  const moved = track({
    store,
    kind: 'moveTask',
    variables: { input: { id: taskId, columnId, index } },
    failure: 'Couldn’t move the task',
  });
  store.history.record(
    moved.then((answer) => changed(answer) && from && { kind: 'taskMove', taskId, title: answer.title, from, to: { columnId, index }, version: answer.version }),
  );
  return moved;
}

/** Deletes a task (to the trash); answers the change for "Task deleted — Undo", or undefined when refused. */
export function deleteTask(store: BoardStore, taskId: string): Promise<Change | undefined> {
  const title = store.getSnapshot().board.tasks[taskId]?.title ?? '';
  const deleted = track({
    store,
    kind: 'deleteTask',
    variables: { id: taskId },
    failure: 'Couldn’t delete the task',
  });
  return store.history.record(deleted.then((answer) => answer && { kind: 'taskPresence', taskId, title, verb: 'delete' }));
}

/** How an edit ended: stored (perhaps after a resend), put to the user as a conflict, or refused. */
export type UpdateOutcome = 'saved' | 'asked' | 'failed';

/**
 * Edits a task's title and/or description (both in one request), on the condition that it
 * is still the version the user started from. A refusal because someone changed it first
 * goes to `decideConflict`: resent, dropped (theirs already says the same), or put to the user.
 */
export async function updateTask(
  store: BoardStore,
  taskId: string,
  mine: TaskEdit,
  startedFrom: TaskEdit & { version: number },
): Promise<UpdateOutcome> {
  let conflict = null as Promise<UpdateOutcome> | null; // set by onError
  const held = store.getSnapshot().board.tasks[taskId];
  const changed = changesTask(store, taskId);
  // On the stack from now, so that an undo asked for before the answer waits for it.
  let done!: (change: NewChange | undefined) => void;
  void store.history.record(new Promise<NewChange | undefined>((resolve) => (done = resolve)));
  const answer = await track({
    store,
    kind: 'updateTask',
    variables: { input: { id: taskId, ...mine, expectedVersion: startedFrom.version } },
    failure: 'Couldn’t save the task',
    onError: (error) => {
      if (!isApiError(error, ErrorCode.Conflict) || !isTask(error.current)) return false;
      const theirs = error.current;
      store.fold((s) => upsertTask(s, theirs));
      conflict = resolveConflict(store, taskId, mine, startedFrom, theirs);
      return true;
    },
  });
  if (changed(answer)) {
    const before: TaskFields = {};
    for (const field of Object.keys(mine) as (keyof TaskEdit)[]) before[field] = startedFrom[field] ?? held?.[field];
    done({ kind: 'taskFields', taskId, title: answer.title, before, after: { ...mine }, version: answer.version });
  } else {
    done(undefined); // refused, or a conflict whose resend records itself
  }
  if (answer) return 'saved';
  return conflict ?? 'failed';
}

function resolveConflict(store: BoardStore, taskId: string, mine: TaskEdit, startedFrom: TaskEdit, theirs: Task): Promise<UpdateOutcome> {
  const resend = () => updateTask(store, taskId, mine, { ...theirs, version: theirs.version });
  switch (decideConflict(mine, startedFrom, theirs)) {
    case 'already-mine':
      return Promise.resolve('saved');
    case 'resend':
      return resend();
    case 'ask':
      openConflict.set({
        boardId: store.boardId,
        theirs,
        mine,
        keepMine: () => {
          openConflict.set(null);
          void resend();
        },
        takeTheirs: () => openConflict.set(null),
      });
      return Promise.resolve('asked');
  }
}

export function isTask(value: unknown): value is Task {
  const v = value as Task | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.version === 'number';
}
