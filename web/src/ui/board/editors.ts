import type { Viewer } from '../../realtime/events';

/** Who else has each task open, as "Ana" or "Ana and Ben". */
export function editorsByTask(viewers: readonly Viewer[], meId: string): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const viewer of viewers) {
    if (viewer.user.id === meId || !viewer.editingTaskId) continue;
    const list = names.get(viewer.editingTaskId) ?? [];
    list.push(viewer.user.name);
    names.set(viewer.editingTaskId, list);
  }
  const joined = new Map<string, string>();
  for (const [taskId, list] of names) joined.set(taskId, joinNames(list));
  return joined;
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const editingPhrase = (names: string): string => `${names} ${names.includes(' and ') ? 'are' : 'is'} editing`;
