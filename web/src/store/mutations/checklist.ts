// Writes of a task's checklist. They do not change the task's version; each item is its own key.
import { newId } from '../../api/clientId';
import type { ChecklistItem } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { track } from './track';

export function addChecklistItem(store: BoardStore, taskId: string, text: string, index?: number): Promise<ChecklistItem | undefined> {
  const id = newId();
  const trimmed = text.trim();
  return track({
    store,
    kind: 'addChecklistItem',
    variables: { input: { id, taskId, text: trimmed, ...(index !== undefined && { index }) } },
    failure: 'Couldn’t add the checklist item',
  });
}

/** Ticks, unticks or rewords an item. */
export function updateChecklistItem(store: BoardStore, taskId: string, itemId: string, changes: { text?: string; done?: boolean }): Promise<ChecklistItem | undefined> {
  const updates = { ...changes, ...(changes.text !== undefined && { text: changes.text.trim() }) };
  return track({
    store,
    kind: 'updateChecklistItem',
    variables: { taskId, input: { id: itemId, ...updates } },
    failure: changes.done === undefined ? 'Couldn’t change the checklist item' : changes.done ? 'Couldn’t tick the checklist item' : 'Couldn’t untick the checklist item',
  });
}

/** Moves an item to `index` of the checklist (counted without it, as an array move). */
export function moveChecklistItem(store: BoardStore, taskId: string, itemId: string, index: number): Promise<ChecklistItem | undefined> {
  return track({
    store,
    kind: 'moveChecklistItem',
    variables: { taskId, input: { id: itemId, index } },
    failure: 'Couldn’t move the checklist item',
  });
}

export function deleteChecklistItem(store: BoardStore, taskId: string, itemId: string): Promise<unknown> {
  return track({
    store,
    kind: 'deleteChecklistItem',
    variables: { taskId, id: itemId },
    failure: 'Couldn’t delete the checklist item',
  });
}
