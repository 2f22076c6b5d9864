import type { Viewer } from '../../realtime/events';

const noEditors: ReadonlyMap<string, string> = new Map();
let lastEditors = noEditors;

const sameEditors = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean =>
  a.size === b.size && [...a].every(([taskId, names]) => b.get(taskId) === names);

/**
 * Who else has each task open, as "Ana" or "Ana and Ben". The same map as last time while that
 * stays the same: presence changes often (someone joins, leaves, opens a task), and a new map
 * would render every column and card again though no card shows anything new.
 */
export function editorsByTask(viewers: readonly Viewer[], meId: string): ReadonlyMap<string, string> {
  const names = new Map<string, string[]>();
  for (const viewer of viewers) {
    if (viewer.user.id === meId || !viewer.editingTaskId) continue;
    const list = names.get(viewer.editingTaskId) ?? [];
    list.push(viewer.user.name);
    names.set(viewer.editingTaskId, list);
  }
  const joined = new Map<string, string>();
  for (const [taskId, list] of names) joined.set(taskId, joinNames(list));
  if (!sameEditors(joined, lastEditors)) lastEditors = joined.size === 0 ? noEditors : joined;
  return lastEditors;
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const editingPhrase = (names: string): string => `${names} ${names.includes(' and ') ? 'are' : 'is'} editing`;
