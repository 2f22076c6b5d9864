// Writes of the board's labels.
import { newId } from '../../api/clientId';
import type { Label, LabelColor } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { track } from './track';

export function createLabel(store: BoardStore, name: string, color: LabelColor): Promise<Label | undefined> {
  const label: Label = { id: newId(), boardId: store.boardId, name: name.trim(), color };
  return track({
    store,
    kind: 'createLabel',
    variables: { input: label },
    failure: 'Couldn’t create the label',
  });
}

/** Renames and/or recolours a label. */
export function updateLabel(store: BoardStore, labelId: string, changes: { name?: string; color?: LabelColor }): Promise<Label | undefined> {
  const updates = { ...changes, ...(changes.name !== undefined && { name: changes.name.trim() }) };
  return track({
    store,
    kind: 'updateLabel',
    variables: { input: { id: labelId, ...updates } },
    failure: 'Couldn’t change the label',
  });
}

/** Deletes a label: it goes from every task too. */
export function deleteLabel(store: BoardStore, labelId: string): Promise<unknown> {
  return track({
    store,
    kind: 'deleteLabel',
    variables: { id: labelId },
    failure: 'Couldn’t delete the label',
  });
}
