import { newId } from '../../api/clientId';
import type { Column } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { orderedColumns } from '../selectors';
import type { Change } from '../undo';
import { track } from './track';

export function createColumn(store: BoardStore, name: string): Promise<Column | undefined> {
  const id = newId();
  const column: Column = { id, boardId: store.boardId, name: name.trim(), rank: '' };
  const created = track({
    store,
    kind: 'createColumn',
    variables: { input: { id, boardId: store.boardId, name: column.name } },
    failure: 'Couldn’t add the column',
  });
  void store.history.record(created.then((answer) => answer && { kind: 'columnPresence', columnId: id, name: answer.name, verb: 'add' }));
  return created;
}

export function renameColumn(store: BoardStore, columnId: string, name: string): Promise<Column | undefined> {
  const before = store.getSnapshot().board.columns[columnId]?.name;
  const renamed = track({
    store,
    kind: 'updateColumn',
    variables: { input: { id: columnId, name } },
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
    kind: 'moveColumn',
    variables: { input: { id: columnId, index } },
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
    kind: 'deleteColumn',
    variables: { id: columnId },
    failure: 'Couldn’t delete the column',
  });
  return store.history.record(deleted.then((answer) => answer && { kind: 'columnPresence', columnId, name, verb: 'delete' }));
}
