import * as api from '../../api/commands';
import { newId } from '../../api/clientId';
import { ErrorCode, isApiError } from '../../api/errors';
import type { Column } from '../../api/types';
import type { BoardState } from '../boardState';
import type { BoardStore } from '../boardStore';
import { moveColumnTo, placeColumn, renameColumn as renameLocal } from '../localChanges';
import { putColumn, removeColumn } from '../reducer';
import { track } from './track';

const key = (columnId: string) => `column:${columnId}`;

/** Columns have no version: the answer is settled once the state shows the same name and rank. */
const holds = (answer: Column) => ({
  apply: (s: BoardState) => (answer.id in s.columns ? putColumn(s, answer) : s),
  confirmed: (base: BoardState) => {
    const column = base.columns[answer.id];
    return !column || (column.name === answer.name && column.rank === answer.rank);
  },
});

export function createColumn(store: BoardStore, name: string): Promise<Column | undefined> {
  const id = newId();
  const column: Column = { id, boardId: store.boardId, name: name.trim(), rank: '' };
  return track({
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
}

export function renameColumn(store: BoardStore, columnId: string, name: string): Promise<Column | undefined> {
  return track({
    store,
    key: key(columnId),
    optimistic: (s) => renameLocal(s, columnId, name.trim()),
    send: () => api.updateColumn({ id: columnId, name }),
    answered: holds,
    failure: 'Couldn’t rename the column',
  });
}

/** Moves a column to `index` (the place it will have, counted without it). */
export function moveColumn(store: BoardStore, columnId: string, index: number): Promise<Column | undefined> {
  return track({
    store,
    key: key(columnId),
    after: ['columns'],
    optimistic: (s) => moveColumnTo(s, columnId, index),
    send: () => api.moveColumn({ id: columnId, index }),
    answered: holds,
    failure: 'Couldn’t move the column',
  });
}

export function deleteColumn(store: BoardStore, columnId: string): Promise<unknown> {
  return track({
    store,
    key: key(columnId),
    optimistic: (s) => removeColumn(s, columnId),
    send: () => api.deleteColumn(columnId),
    answered: () => ({ apply: (s) => removeColumn(s, columnId), confirmed: (base) => !(columnId in base.columns) }),
    failure: 'Couldn’t delete the column',
    onError: (error) => isApiError(error, ErrorCode.NotFound),
  });
}
