// A task's labels, assignees and due date: each an immediate change (no Save), sent as a
// delta or a single field so that concurrent changes by others are kept.
import type * as api from '../../api/commands';
import type { Task } from '../../api/types';
import type { BoardStore } from '../boardStore';
import type { NewChange } from '../undo';
import { changesTask } from './tasks';
import { track } from './track';

function change(
  store: BoardStore,
  taskId: string,
  input: Omit<api.UpdateTaskInput, 'id'>,
  failure: string,
  undoable: (answer: Task) => NewChange,
) {
  const changed = changesTask(store, taskId);
  const answered = track({
    store,
    kind: 'updateTask',
    variables: { input: { id: taskId, ...input } },
    failure,
  });
  void store.history.record(answered.then((answer) => (changed(answer) ? { ...undoable(answer), version: answer.version } : undefined)));
  return answered;
}

/** Puts a label on a task or takes it off; two people labelling at once both stick. */
export function setTaskLabel(store: BoardStore, taskId: string, labelId: string, on: boolean): Promise<Task | undefined> {
  const [add, remove] = on ? [[labelId], []] : [[], [labelId]];
  const itemName = store.getSnapshot().board.labels[labelId]?.name ?? 'label';
  return change(
    store,
    taskId,
    on ? { addLabelIds: add } : { removeLabelIds: remove },
    on ? 'Couldn’t add the label' : 'Couldn’t remove the label',
    (answer) => ({ kind: 'taskDelta', taskId, title: answer.title, field: 'labelIds', itemId: labelId, itemName, on }),
  );
}

export function setTaskAssignee(store: BoardStore, taskId: string, userId: string, on: boolean): Promise<Task | undefined> {
  const [add, remove] = on ? [[userId], []] : [[], [userId]];
  const itemName = store.getSnapshot().board.members[userId]?.user.name ?? 'someone';
  return change(
    store,
    taskId,
    on ? { addAssigneeIds: add } : { removeAssigneeIds: remove },
    on ? 'Couldn’t assign the task' : 'Couldn’t unassign the task',
    (answer) => ({ kind: 'taskDelta', taskId, title: answer.title, field: 'assigneeIds', itemId: userId, itemName, on }),
  );
}

/** Sets the due date (YYYY-MM-DD) or clears it (null). */
export function setDueDate(store: BoardStore, taskId: string, dueDate: string | null): Promise<Task | undefined> {
  const before = store.getSnapshot().board.tasks[taskId]?.dueDate ?? null;
  return change(store, taskId, { dueDate }, dueDate ? 'Couldn’t set the due date' : 'Couldn’t clear the due date', (answer) => ({
    kind: 'taskFields',
    taskId,
    title: answer.title,
    before: { dueDate: before },
    after: { dueDate },
  }));
}
