// Bringing deleted tasks and columns back from the board's trash.
import * as api from '../../api/commands';
import type { ColumnWithTasks, Task } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { restoreColumn as putRestoredColumn, upsertTask } from '../reducer';
import { track } from './track';

/** Sends a task's restore; shown once answered (the trash holds only its title). */
export function sendRestoreTask(store: BoardStore, taskId: string, failure: string, onError?: (error: unknown) => boolean): Promise<Task | undefined> {
  return track({
    store,
    key: `task:${taskId}`,
    optimistic: (s) => s,
    send: () => api.restoreTask(taskId),
    answered: (answer) => ({
      apply: (s) => upsertTask(s, answer),
      confirmed: (base) => (base.tasks[answer.id]?.version ?? -1) >= answer.version,
    }),
    failure,
    onError,
  });
}

export function sendRestoreColumn(store: BoardStore, columnId: string, failure: string, onError?: (error: unknown) => boolean): Promise<ColumnWithTasks | undefined> {
  return track({
    store,
    key: `column:${columnId}`,
    after: ['columns'],
    optimistic: (s) => s,
    send: () => api.restoreColumn(columnId),
    answered: (answer) => ({
      apply: (s) => putRestoredColumn(s, answer),
      confirmed: (base) => answer.id in base.columns && (answer.tasks ?? []).every((t) => t.id in base.tasks),
    }),
    failure,
    onError,
  });
}

/** Restores a task from the trash view: one's own change, so it can be undone (deleted again). */
export function restoreTask(store: BoardStore, taskId: string, title: string, onError?: (error: unknown) => boolean): Promise<Task | undefined> {
  const restored = sendRestoreTask(store, taskId, `Couldn’t restore “${title}”`, onError);
  void store.history.record(restored.then((answer) => answer && { kind: 'taskPresence', taskId, title: answer.title, verb: 'restore' }));
  return restored;
}

export function restoreColumn(store: BoardStore, columnId: string, name: string, onError?: (error: unknown) => boolean): Promise<ColumnWithTasks | undefined> {
  const restored = sendRestoreColumn(store, columnId, `Couldn’t restore the column “${name}”`, onError);
  void store.history.record(restored.then((answer) => answer && { kind: 'columnPresence', columnId, name: answer.name, verb: 'restore' }));
  return restored;
}
