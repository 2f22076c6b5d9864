import { describe as group, expect, it } from 'vitest';
import { event, TODO, DONE } from '../test/fixtures';
import { EventName } from '../realtime/events';
import { describe, dropped, emptyStack, MAX_CHANGES, nextRedo, nextUndo, recorded, refine, step, stepped, type Change } from './undo';

const move = (id: number, extra: Partial<Change> = {}): Change =>
  ({ id, kind: 'taskMove', taskId: 't1', title: 'Fix login', from: { columnId: TODO, index: 0 }, to: { columnId: DONE, index: 2 }, version: 4, ...extra }) as Change;

const rename = (id: number): Change => ({ id, kind: 'taskFields', taskId: 't1', title: 'Fix sign-in', before: { title: 'Fix login' }, after: { title: 'Fix sign-in' }, version: 5 });

group('the undo stack', () => {
  it('puts a new change on top and forgets what was undone', () => {
    let stack = recorded(emptyStack, move(1));
    stack = stepped(stack, 1, 'undo', 6);
    expect(nextRedo(stack)?.id).toBe(1);
    stack = recorded(stack, rename(2));
    expect(stack.undo.map((c) => c.id)).toEqual([2]);
    expect(stack.redo).toEqual([]);
  });

  it('moves an undone change to redo with the version the undo produced, and back', () => {
    let stack = recorded(recorded(emptyStack, move(1)), rename(2));
    stack = stepped(stack, 2, 'undo', 7);
    expect(nextUndo(stack)?.id).toBe(1);
    expect(nextRedo(stack)).toMatchObject({ id: 2, version: 7 });
    stack = stepped(stack, 2, 'redo', 8);
    expect(nextUndo(stack)).toMatchObject({ id: 2, version: 8 });
    expect(stack.redo).toEqual([]);
  });

  it('undoes a change below the top (a delete toast’s Undo) and leaves the others', () => {
    let stack = recorded(recorded(emptyStack, move(1)), rename(2));
    stack = stepped(stack, 1, 'undo');
    expect(stack.undo.map((c) => c.id)).toEqual([2]);
    expect(stack.redo.map((c) => c.id)).toEqual([1]);
  });

  it('drops a change that can no longer be undone', () => {
    const stack = dropped(recorded(recorded(emptyStack, move(1)), rename(2)), 2);
    expect(stack.undo.map((c) => c.id)).toEqual([1]);
  });

  it('keeps the latest changes only', () => {
    let stack = emptyStack;
    for (let i = 1; i <= MAX_CHANGES + 5; i++) stack = recorded(stack, move(i));
    expect(stack.undo).toHaveLength(MAX_CHANGES);
    expect(stack.undo[0].id).toBe(6);
  });
});

group('what a step sends', () => {
  it('undoes a move to where the task was, on the condition that nobody moved it since', () => {
    expect(step(move(1), 'undo')).toEqual({ op: 'moveTask', taskId: 't1', to: { columnId: TODO, index: 0 }, expectedVersion: 4 });
    expect(step(move(1, { version: 6 }), 'redo')).toEqual({ op: 'moveTask', taskId: 't1', to: { columnId: DONE, index: 2 }, expectedVersion: 6 });
  });

  it('undoes an edit by setting the old values with the version the edit produced', () => {
    expect(step(rename(1), 'undo')).toEqual({ op: 'updateTask', input: { id: 't1', title: 'Fix login', expectedVersion: 5 }, expected: { title: 'Fix sign-in' } });
    expect(step({ ...rename(1), version: 6 }, 'redo')).toEqual({ op: 'updateTask', input: { id: 't1', title: 'Fix sign-in', expectedVersion: 6 }, expected: { title: 'Fix login' } });
  });

  it('undoes a due date cleared by setting it again', () => {
    const change: Change = { id: 1, kind: 'taskFields', taskId: 't1', title: 'Fix login', before: { dueDate: '2026-12-24' }, after: { dueDate: null }, version: 3 };
    expect(step(change, 'undo')).toMatchObject({ input: { id: 't1', dueDate: '2026-12-24', expectedVersion: 3 } });
  });

  it('undoes a label or an assignee by the inverse delta, without a version', () => {
    const label: Change = { id: 1, kind: 'taskDelta', taskId: 't1', title: 'Fix login', field: 'labelIds', itemId: 'bug', itemName: 'Bug', on: true, version: 3 };
    expect(step(label, 'undo')).toEqual({ op: 'updateTask', input: { id: 't1', removeLabelIds: ['bug'] }, expected: {} });
    expect(step(label, 'redo')).toEqual({ op: 'updateTask', input: { id: 't1', addLabelIds: ['bug'] }, expected: {} });
    const unassign: Change = { id: 2, kind: 'taskDelta', taskId: 't1', title: 'Fix login', field: 'assigneeIds', itemId: 'ben', itemName: 'Ben', on: false };
    expect(step(unassign, 'undo')).toEqual({ op: 'updateTask', input: { id: 't1', addAssigneeIds: ['ben'] }, expected: {} });
  });

  it('undoes a create by deleting, a delete by restoring from the trash, and redoes the other way', () => {
    const add: Change = { id: 1, kind: 'taskPresence', taskId: 't1', title: 'Fix login', verb: 'add' };
    expect(step(add, 'undo')).toEqual({ op: 'deleteTask', taskId: 't1' });
    // A deleted ID can't be created again: redoing a create restores it.
    expect(step(add, 'redo')).toEqual({ op: 'restoreTask', taskId: 't1' });
    const gone: Change = { id: 2, kind: 'columnPresence', columnId: 'c1', name: 'Doing', verb: 'delete' };
    expect(step(gone, 'undo')).toEqual({ op: 'restoreColumn', columnId: 'c1' });
    expect(step(gone, 'redo')).toEqual({ op: 'deleteColumn', columnId: 'c1' });
  });

  it('undoes a column rename only while the name is still the one it set', () => {
    const change: Change = { id: 1, kind: 'columnRename', columnId: 'c1', before: 'Doing', after: 'In progress' };
    expect(step(change, 'undo')).toEqual({ op: 'renameColumn', columnId: 'c1', name: 'Doing', expectedName: 'In progress' });
    expect(step(change, 'redo')).toEqual({ op: 'renameColumn', columnId: 'c1', name: 'In progress', expectedName: 'Doing' });
  });

  it('says what it will undo', () => {
    expect(describe(move(1))).toBe('move “Fix login”');
    expect(describe(rename(1))).toBe('rename “Fix login”');
    expect(describe({ id: 1, kind: 'columnPresence', columnId: 'c1', name: 'Doing', verb: 'delete' })).toBe('delete column “Doing”');
    expect(describe({ id: 1, kind: 'taskDelta', taskId: 't1', title: 'Fix login', field: 'assigneeIds', itemId: 'b', itemName: 'Ben', on: true })).toBe('assign Ben to “Fix login”');
  });
});

group('a change made exact by its own event', () => {
  it('takes the place a task left from task:moved of the version the move produced', () => {
    const guess = move(1, { from: { columnId: TODO, index: 5 } });
    const moved = event(EventName.TaskMoved, 9, { taskId: 't1', fromColumn: TODO, fromPosition: 1, toColumn: DONE, rank: 'a3', position: 2, version: 4, updatedAt: '2026-01-01T00:00:00Z' }, 'me');
    expect(refine(guess, moved)).toMatchObject({ from: { columnId: TODO, index: 1 }, to: { columnId: DONE, index: 2 }, exact: true });
    // Another version's event is another change.
    expect(refine(guess, { ...moved, version: 5 } as typeof moved)).toBeNull();
    // Once exact, later events (an undo's own) leave it.
    expect(refine(refine(guess, moved)!, moved)).toBeNull();
  });

  it('takes the old values the server overwrote from task:updated', () => {
    const guess: Change = { id: 1, kind: 'taskFields', taskId: 't1', title: 'Fix sign-in', before: { title: 'what this tab saw' }, after: { title: 'Fix sign-in' }, version: 5 };
    const updated = event(EventName.TaskUpdated, 9, { taskId: 't1', updates: { title: 'Fix sign-in', updatedAt: 'x' }, before: { title: 'Fix login' }, version: 5 }, 'me');
    expect(refine(guess, updated)).toMatchObject({ before: { title: 'Fix login' }, exact: true });
  });

  it('takes a column’s old name and place from column:updated and column:moved', () => {
    const renamed: Change = { id: 1, kind: 'columnRename', columnId: 'c1', before: 'Doing?', after: 'In progress' };
    const updated = event(EventName.ColumnUpdated, 3, { columnId: 'c1', updates: { name: 'In progress' }, before: { name: 'Doing' } }, 'me');
    expect(refine(renamed, updated)).toMatchObject({ before: 'Doing', exact: true });
    const moved: Change = { id: 2, kind: 'columnMove', columnId: 'c1', name: 'Doing', from: 0, to: 2 };
    const columnMoved = event(EventName.ColumnMoved, 4, { columnId: 'c1', fromPosition: 1, rank: 'a5', position: 2 }, 'me');
    expect(refine(moved, columnMoved)).toMatchObject({ from: 1, exact: true });
  });
});
