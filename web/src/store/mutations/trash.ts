// Bringing deleted tasks and columns back from the board's trash.
import type { ColumnWithTasks, Task } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { track } from './track';

/** Sends a task's restore; shown once answered (the trash holds only its title). */
export function sendRestoreTask(store: BoardStore, taskId: string, failure: string, onError?: (error: unknown) => boolean): Promise<Task | undefined> {
  return track({
    store,
    kind: 'restoreTask',
    variables: { id: taskId },
    failure,
    onError,
  });
}

export function sendRestoreColumn(store: BoardStore, columnId: string, failure: string, onError?: (error: unknown) => boolean): Promise<ColumnWithTasks | undefined> {
  return track({
    store,
    kind: 'restoreColumn',
    variables: { id: columnId },
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
