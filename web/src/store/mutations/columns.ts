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

/** Columns have no version: the answer is settled once the state shows the same name and rank. */
export const holds = (answer: Column) => ({
  apply: (s: BoardState) => (answer.id in s.columns ? putColumn(s, answer) : s),
  confirmed: (base: BoardState) => {
    const column = base.columns[answer.id];
    return !column || (column.name === answer.name && column.rank === answer.rank);
  },
});

export function createColumn(store: BoardStore, name: string): Promise<Column | undefined> {
  const id = newId();
  const column: Column = { id, boardId: store.boardId, name: name.trim(), rank: '' };
  const created = track({
    store,
    key: key(id),
    after: ['columns'],
    optimistic: (s) => placeColumn(s, column),
    send: () => api.createColumn({ id, boardId: store.boardId, name: column.name }),
    answered: (answer) => ({
      apply: (s) => putColumn(s, answer),
      confirmed: (base) => answer.id in base.columns,
    }),
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
    answered: holds,
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
    answered: holds,
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
    answered: () => ({ apply: (s) => removeColumn(s, columnId), confirmed: (base) => !(columnId in base.columns) }),
    failure: 'Couldn’t delete the column',
    onError: (error) => isApiError(error, ErrorCode.NotFound),
  });
  return store.history.record(deleted.then((answer) => answer && { kind: 'columnPresence', columnId, name, verb: 'delete' }));
}
