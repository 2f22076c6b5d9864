// Writes of a task's checklist. They do not change the task's version; each item is its own key.
import { newId } from '../../api/clientId';
import { ErrorCode, isApiError } from '../../api/errors';
import * as api from '../../api/taskDetail';
import type { ChecklistItem } from '../../api/types';
import type { BoardState } from '../boardState';
import type { BoardStore } from '../boardStore';
import { rankBetween } from '../rank';
import { patchChecklistItem, putChecklistItem, removeChecklistItem } from '../taskDetail';
import { track } from './track';

const key = (itemId: string) => `checklistItem:${itemId}`;

/** A placeholder rank that puts the item at `index` of the list without it (the server picks the real one). */
function rankAt(state: BoardState, taskId: string, itemId: string, index: number | undefined): string {
  const siblings = (state.tasks[taskId]?.checklist ?? []).filter((i) => i.id !== itemId);
  const i = index === undefined ? siblings.length : Math.min(Math.max(index, 0), siblings.length);
  return rankBetween(siblings[i - 1]?.rank ?? null, siblings[i]?.rank ?? null);
}

export function addChecklistItem(store: BoardStore, taskId: string, text: string, index?: number): Promise<ChecklistItem | undefined> {
  const id = newId();
  const trimmed = text.trim();
  return track({
    store,
    key: key(id),
    after: [`task:${taskId}`],
    optimistic: (s) => putChecklistItem(s, { id, taskId, text: trimmed, done: false, rank: rankAt(s, taskId, id, index) }),
    send: () => api.addChecklistItem({ id, taskId, text: trimmed, ...(index !== undefined && { index }) }),
    answered: (answer) => (s) => putChecklistItem(s, answer),
    failure: 'Couldn’t add the checklist item',
  });
}

/** Ticks, unticks or rewords an item. */
export function updateChecklistItem(store: BoardStore, taskId: string, itemId: string, changes: { text?: string; done?: boolean }): Promise<ChecklistItem | undefined> {
  const updates = { ...changes, ...(changes.text !== undefined && { text: changes.text.trim() }) };
  return track({
    store,
    key: key(itemId),
    optimistic: (s) => patchChecklistItem(s, taskId, itemId, updates),
    send: () => api.updateChecklistItem({ id: itemId, ...updates }),
    answered: (answer) => (s) => patchChecklistItem(s, taskId, itemId, { text: answer.text, done: answer.done }),
    failure: changes.done === undefined ? 'Couldn’t change the checklist item' : changes.done ? 'Couldn’t tick the checklist item' : 'Couldn’t untick the checklist item',
  });
}

/** Moves an item to `index` of the checklist (counted without it, as an array move). */
export function moveChecklistItem(store: BoardStore, taskId: string, itemId: string, index: number): Promise<ChecklistItem | undefined> {
  return track({
    store,
    key: key(itemId),
    optimistic: (s) => patchChecklistItem(s, taskId, itemId, { rank: rankAt(s, taskId, itemId, index) }),
    send: () => api.moveChecklistItem({ id: itemId, index }),
    answered: (answer) => (s) => patchChecklistItem(s, taskId, itemId, { rank: answer.rank }),
    failure: 'Couldn’t move the checklist item',
  });
}

export function deleteChecklistItem(store: BoardStore, taskId: string, itemId: string): Promise<unknown> {
  return track({
    store,
    key: key(itemId),
    optimistic: (s) => removeChecklistItem(s, taskId, itemId),
    send: () => api.deleteChecklistItem(itemId),
    answered: () => (s) => removeChecklistItem(s, taskId, itemId),
    failure: 'Couldn’t delete the checklist item',
    onError: (error) => isApiError(error, ErrorCode.NotFound),
  });
}
