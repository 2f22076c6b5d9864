// Undo and redo of this tab's own changes: each step is an ordinary write through track(),
// as the user could have made it by hand; a refusal says who changed the item since.
import { describeError, ErrorCode, isApiError, type ApiError } from '../../api/errors';
import { showToast } from '../../ui/toasts';
import type { BoardStore } from '../boardStore';
import { upsertTask } from '../reducer';
import { describe, step, type Change, type Direction, type Step, type TaskFields } from '../undo';
import { isTask } from './tasks';
import { track } from './track';
import { sendRestoreColumn, sendRestoreTask } from './trash';

/** Undoes this tab's latest change on the board (after any change still on its way). */
export const undo = (store: BoardStore) => serially(store, () => run(store, 'undo'));

export const redo = (store: BoardStore) => serially(store, () => run(store, 'redo'));

/** Undoes one change wherever it is in the stack: the Undo of a "Task deleted" toast. */
export const undoChange = (store: BoardStore, id: number) => serially(store, () => run(store, 'undo', id));

const chains = new WeakMap<BoardStore, Promise<void>>();

/** One undo or redo at a time, each picking its change once the one before is done. */
function serially(store: BoardStore, next: () => Promise<void>): Promise<void> {
  const done = (chains.get(store) ?? Promise.resolve()).then(next, next);
  chains.set(store, done);
  return done;
}

/** `retry`: refused for a passing reason (no network, too many requests): it stays to be tried again. */
type Outcome = { ok: true; version?: number } | { ok: false; message: string; retry?: boolean };

async function run(store: BoardStore, direction: Direction, id?: number): Promise<void> {
  await store.history.settled();
  const list = store.history.getSnapshot()[direction];
  const change = id === undefined ? list.at(-1) : list.find((c) => c.id === id);
  if (!change) return;
  const outcome = await send(store, change, step(change, direction));
  if (outcome.ok) {
    store.history.stepped(change.id, direction, outcome.version);
    showToast(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${describe(change)}.`, 'info');
  } else {
    // It cannot be done any more (someone changed the item since): it leaves the stack.
    if (!outcome.retry) store.history.drop(change.id);
    showToast(outcome.message);
  }
}

const q = (text: string) => `“${text}”`;

async function send(store: BoardStore, change: Change, s: Step): Promise<Outcome> {
  let failed: unknown = undefined;
  const onError = (error: unknown) => {
    failed = error;
    return true;
  };
  const refused = (): Outcome => ({ ok: false, message: refusal(store, change, s, failed), retry: passing(failed) });
  const failure = 'Couldn’t undo';
  switch (s.op) {
    case 'deleteTask': {
      const answer = await track({
        store,
        kind: 'deleteTask',
        variables: { id: s.taskId },
        failure,
        onError,
      });
      // Already gone counts as done (the outbox answers it as deleted).
      return answer ? { ok: true } : refused();
    }
    case 'restoreTask':
      return (await sendRestoreTask(store, s.taskId, failure, onError)) ? { ok: true } : refused();
    case 'deleteColumn': {
      const answer = await track({
        store,
        kind: 'deleteColumn',
        variables: { id: s.columnId },
        failure,
        onError,
      });
      return answer ? { ok: true } : refused();
    }
    case 'restoreColumn':
      return (await sendRestoreColumn(store, s.columnId, failure, onError)) ? { ok: true } : refused();
    case 'updateTask': {
      const answer = await track({
        store,
        kind: 'updateTask',
        variables: { input: s.input },
        failure,
        onError: (error) => {
          if (isApiError(error, ErrorCode.Conflict) && isTask(error.current)) {
            const current = error.current;
            store.fold((st) => upsertTask(st, current));
          }
          return onError(error);
        },
      });
      return answer ? { ok: true, version: answer.version } : refused();
    }
    case 'moveTask': {
      const answer = await track({
        store,
        kind: 'moveTask',
        variables: { input: { id: s.taskId, columnId: s.to.columnId, index: s.to.index, expectedVersion: s.expectedVersion } },
        failure,
        onError,
      });
      return answer ? { ok: true, version: answer.version } : refused();
    }
    case 'renameColumn': {
      // Columns have no version: the client checks that the name is still the one this change set.
      const current = store.getSnapshot().board.columns[s.columnId];
      if (!current) return { ok: false, message: `Couldn’t undo: the column ${q(s.expectedName)} was deleted.` };
      if (current.name !== s.expectedName) {
        const who = store.history.lastRenamer(s.columnId);
        return { ok: false, message: `Couldn’t undo: ${who ? personName(store, who.id, who.name) : 'someone else'} renamed the column ${q(s.expectedName)} to ${q(current.name)} since.` };
      }
      const answer = await track({
        store,
        kind: 'updateColumn',
        variables: { input: { id: s.columnId, name: s.name } },
        failure,
        onError,
      });
      return answer ? { ok: true } : refused();
    }
    case 'moveColumn': {
      const answer = await track({
        store,
        kind: 'moveColumn',
        variables: { input: { id: s.columnId, index: s.index } },
        failure,
        onError,
      });
      return answer ? { ok: true } : refused();
    }
  }
}

const passing = (error: unknown) => [ErrorCode.Network, ErrorCode.RateLimited, ErrorCode.Internal].some((code) => isApiError(error, code));

const fieldNames: Record<keyof TaskFields, string> = { title: 'the title', description: 'the description', dueDate: 'the due date' };

/** Why a step was refused, naming who changed the item since when the server says. */
export function refusal(store: BoardStore, change: Change, s: Step, error: unknown): string {
  const title = 'title' in change ? change.title : 'name' in change ? change.name : change.after;
  const subject = change.kind.startsWith('column') ? `the column ${q(title)}` : q(title);
  if (isApiError(error, ErrorCode.NotFound)) return `Couldn’t undo: ${subject} was deleted.`;
  if (isApiError(error, ErrorCode.Conflict) && (s.op === 'updateTask' || s.op === 'moveTask')) {
    const who = whoChanged(store, error);
    if (s.op === 'moveTask') return `Couldn’t undo: ${who} moved ${subject} since.`;
    const current = isTask(error.current) ? error.current : undefined;
    const field = (Object.keys(s.expected) as (keyof TaskFields)[]).find((f) => current && current[f] !== s.expected[f]);
    return `Couldn’t undo: ${who} changed ${field ? `${fieldNames[field]} of ` : ''}${subject} since.`;
  }
  return `Couldn’t undo ${describe(change)}. ${describeError(error)}`;
}

function whoChanged(store: BoardStore, error: ApiError): string {
  return error.changedBy ? personName(store, error.changedBy.id, error.changedBy.name) : 'someone else';
}

/** "Ben", or "you" for a change this user made in another tab. */
function personName(store: BoardStore, id: string, name: string): string {
  return id === store.confirmed.me ? 'you' : name;
}
