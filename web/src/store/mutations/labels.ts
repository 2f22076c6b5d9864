// Writes of the board's labels.
import { newId } from '../../api/clientId';
import { ErrorCode, isApiError } from '../../api/errors';
import * as api from '../../api/taskDetail';
import type { Label, LabelColor } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { patchLabel, putLabel, removeLabel } from '../taskDetail';
import { track } from './track';

const key = (labelId: string) => `label:${labelId}`;

export function createLabel(store: BoardStore, name: string, color: LabelColor): Promise<Label | undefined> {
  const label: Label = { id: newId(), boardId: store.boardId, name: name.trim(), color };
  return track({
    store,
    key: key(label.id),
    optimistic: (s) => putLabel(s, label),
    send: () => api.createLabel(label),
    answered: (answer) => (s) => putLabel(s, answer),
    failure: 'Couldn’t create the label',
  });
}

/** Renames and/or recolours a label. */
export function updateLabel(store: BoardStore, labelId: string, changes: { name?: string; color?: LabelColor }): Promise<Label | undefined> {
  const updates = { ...changes, ...(changes.name !== undefined && { name: changes.name.trim() }) };
  return track({
    store,
    key: key(labelId),
    optimistic: (s) => patchLabel(s, labelId, updates),
    send: () => api.updateLabel({ id: labelId, ...updates }),
    answered: (answer) => (s) => patchLabel(s, labelId, { name: answer.name, color: answer.color }),
    failure: 'Couldn’t change the label',
  });
}

/** Deletes a label: it goes from every task too. */
export function deleteLabel(store: BoardStore, labelId: string): Promise<unknown> {
  return track({
    store,
    key: key(labelId),
    optimistic: (s) => removeLabel(s, labelId),
    send: () => api.deleteLabel(labelId),
    answered: () => (s) => removeLabel(s, labelId),
    failure: 'Couldn’t delete the label',
    onError: (error) => isApiError(error, ErrorCode.NotFound),
  });
}
