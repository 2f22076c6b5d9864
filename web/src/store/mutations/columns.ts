import * as api from '../../api/commands';
import { newId } from '../../api/clientId';
import { ErrorCode, isApiError } from '../../api/errors';
import type { Column } from '../../api/types';
import type { BoardState } from '../boardState';
import type { BoardStore } from '../boardStore';
import { moveColumnTo, placeColumn, renameColumn as renameLocal } from '../localChanges';
import { putColumn, removeColumn } from '../reducer';
import { orderedColumns } from '../selectors';
import type { Change } from '../undo';
import { track } from './track';

const key = (columnId: string) => `column:${columnId}`;

/** Shows the server's answer for a column until the state holds it (unless it is gone meanwhile). */
export const showColumn = (answer: Column) => (s: BoardState) => (answer.id in s.columns ? putColumn(s, answer) : s);

export function createColumn(store: BoardStore, name: string): Promise<Column | undefined> {
  const id = newId();
  const column: Column = { id, boardId: store.boardId, name: name.trim(), rank: '' };
  const created = track({
    store,
    key: key(id),
    after: ['columns'],
    optimistic: (s) => placeColumn(s, column),
    send: () => api.createColumn({ id, boardId: store.boardId, name: column.name }),
    answered: (answer) => (s) => putColumn(s, answer),
    failure: 'Couldn’t add the column',
  });
  void store.history.record(created.then((answer) => answer && { kind: 'columnPresence', columnId: id, name: answer.name, verb: 'add' }));
  return created;
}

export function renameColumn(store: BoardStore, columnId: string, name: string): Promise<Column | undefined> {
  const before = store.getSnapshot().board.columns[columnId]?.name;
  const renamed = track({
    store,
    key: key(columnId),
    optimistic: (s) => renameLocal(s, columnId, name.trim()),
    send: () => api.updateColumn({ id: columnId, name }),
    answered: showColumn,
    failure: 'Couldn’t rename the column',
  });
  void store.history.record(
    renamed.then((answer) => answer && before !== undefined && before !== answer.name && { kind: 'columnRename', columnId, before, after: answer.name }),
  );
  return renamed;
}

/** Moves a column to `index` (the place it will have, counted without it). */
export function moveColumn(store: BoardStore, columnId: string, index: number): Promise<Column | undefined> {
  const from = orderedColumns(store.getSnapshot().board).findIndex((c) => c.id === columnId);
  const moved = track({
    store,
    key: key(columnId),
    after: ['columns'],
    optimistic: (s) => moveColumnTo(s, columnId, index),
    send: () => api.moveColumn({ id: columnId, index }),
    answered: showColumn,
    failure: 'Couldn’t move the column',
  });
  void store.history.record(
    moved.then((answer) => answer && from >= 0 && from !== index && { kind: 'columnMove', columnId, name: answer.name, from, to: index }),
  );
  return moved;
}

/** Deletes a column and its tasks (to the trash); answers the change for "Column deleted — Undo". */
export function deleteColumn(store: BoardStore, columnId: string): Promise<Change | undefined> {
  const name = store.getSnapshot().board.columns[columnId]?.name ?? '';
  const deleted = track({
    store,
    key: key(columnId),
    optimistic: (s) => removeColumn(s, columnId),
    send: () => api.deleteColumn(columnId),
    answered: () => (s) => removeColumn(s, columnId),
    failure: 'Couldn’t delete the column',
    onError: (error) => isApiError(error, ErrorCode.NotFound),
  });
  return store.history.record(deleted.then((answer) => answer && { kind: 'columnPresence', columnId, name, verb: 'delete' }));
}
