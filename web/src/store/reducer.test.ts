import { describe, expect, it } from 'vitest';
import { EventName } from '../realtime/events';
import { ANA, BEN, BOARD, DONE, event, snapshot, task, TODO } from '../test/fixtures';
import { draftKey, emptyBoard } from './boardState';
import { applyEvent, applySnapshot, setDraft, upsertTask } from './reducer';
import { orderedColumns, tasksOf } from './selectors';

const loaded = (seq = 5) => applySnapshot(emptyBoard(BOARD, ANA.id), snapshot(seq));

describe('applySnapshot', () => {
  it('normalizes the board: columns, tasks by id, members by user', () => {
    const s = loaded();
    expect(s.status).toBe('ready');
    expect(s.seq).toBe(5);
    expect(Object.keys(s.tasks)).toEqual(['t1', 't2']);
    expect(s.columns[TODO]).toEqual({ id: TODO, boardId: BOARD, name: 'To do', rank: 'a0' });
    expect(s.members[BEN.id].role).toBe('EDITOR');
  });

  it('replaces the board but keeps what the user is typing', () => {
    let s = setDraft(loaded(), draftKey.taskDescription('t1'), { text: 'half a sent', version: 1, original: '' });
    s = setDraft(s, draftKey.newTask(TODO), { text: 'Buy milk' });
    const next = applySnapshot(s, snapshot(40, [task('t9', DONE, 'a0')]));
    expect(next.seq).toBe(40);
    expect(Object.keys(next.tasks)).toEqual(['t9']);
    expect(next.drafts[draftKey.taskDescription('t1')].text).toBe('half a sent');
    expect(next.drafts[draftKey.newTask(TODO)].text).toBe('Buy milk');
  });

  it('marks the board removed when the user is no longer a member', () => {
    const s = applySnapshot(emptyBoard(BOARD, 'someone-else'), snapshot(1));
    expect(s.status).toBe('removed');
  });
});

describe('applyEvent', () => {
  it('task:created adds the task in rank order', () => {
    const s = applyEvent(loaded(), event(EventName.TaskCreated, 6, { task: task('t3', TODO, 'Zz') }));
    expect(s.seq).toBe(6);
    expect(tasksOf(s, TODO).map((t) => t.id)).toEqual(['t3', 't1', 't2']);
  });

  it('task:updated changes only the listed fields and takes the version', () => {
    const s = applyEvent(loaded(), event(EventName.TaskUpdated, 6, { taskId: 't1', updates: { title: 'Renamed', updatedAt: '2026-02-02T00:00:00Z' }, version: 2 }));
    expect(s.tasks.t1).toMatchObject({ title: 'Renamed', description: '', version: 2, updatedAt: '2026-02-02T00:00:00Z' });
  });

  it('task:moved moves the task to its column and rank', () => {
    const s = applyEvent(loaded(), event(EventName.TaskMoved, 6, { taskId: 't1', fromColumn: TODO, toColumn: DONE, rank: 'a0', position: 0, version: 2, updatedAt: '2026-02-02T00:00:00Z' }));
    expect(tasksOf(s, TODO).map((t) => t.id)).toEqual(['t2']);
    expect(tasksOf(s, DONE).map((t) => t.id)).toEqual(['t1']);
    expect(s.tasks.t1.version).toBe(2);
  });

  it('task:moved within a column orders by rank, compared ordinally', () => {
    // "a0V" sorts after "a0" and before "a1"; "Z" before "a" (uppercase first in ordinal order).
    let s = applyEvent(loaded(), event(EventName.TaskMoved, 6, { taskId: 't2', fromColumn: TODO, toColumn: TODO, rank: 'Zz', position: 0, version: 2, updatedAt: 'x' }));
    expect(tasksOf(s, TODO).map((t) => t.id)).toEqual(['t2', 't1']);
    s = applyEvent(s, event(EventName.TaskMoved, 7, { taskId: 't1', fromColumn: TODO, toColumn: TODO, rank: 'Zy', position: 0, version: 2, updatedAt: 'x' }));
    expect(tasksOf(s, TODO).map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('task:deleted removes the task', () => {
    const s = applyEvent(loaded(), event(EventName.TaskDeleted, 6, { taskId: 't1' }));
    expect(s.tasks.t1).toBeUndefined();
  });

  it('task:restored puts the task back whole, in rank order', () => {
    let s = applyEvent(loaded(), event(EventName.TaskDeleted, 6, { taskId: 't1' }));
    const restored = task('t1', TODO, 'a2', { title: 'Back', checklist: [{ id: 'i1', taskId: 't1', text: 'step', done: true, rank: 'a0' }], commentCount: 2 });
    s = applyEvent(s, event(EventName.TaskRestored, 7, { task: restored }));
    expect(s.seq).toBe(7);
    expect(s.tasks.t1).toEqual(restored);
    expect(tasksOf(s, TODO).map((t) => t.id)).toEqual(['t2', 't1']);
  });

  it('tasks:reranked rewrites the keys of one column', () => {
    const s = applyEvent(loaded(), event(EventName.TasksReranked, 6, { columnId: TODO, ranks: [{ taskId: 't1', rank: 'b0' }, { taskId: 't2', rank: 'b1' }] }));
    expect(s.tasks.t1.rank).toBe('b0');
    expect(tasksOf(s, TODO).map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('column:created, column:updated, column:moved, columns:reranked', () => {
    let s = applyEvent(loaded(), event(EventName.ColumnCreated, 6, { column: { id: 'c3', boardId: BOARD, name: 'Doing', rank: 'a0V', tasks: [] } }));
    expect(orderedColumns(s).map((c) => c.name)).toEqual(['To do', 'Doing', 'Done']);
    s = applyEvent(s, event(EventName.ColumnUpdated, 7, { columnId: 'c3', updates: { name: 'In progress' } }));
    expect(s.columns.c3.name).toBe('In progress');
    s = applyEvent(s, event(EventName.ColumnMoved, 8, { columnId: 'c3', rank: 'a2', position: 2 }));
    expect(orderedColumns(s).map((c) => c.id)).toEqual([TODO, DONE, 'c3']);
    s = applyEvent(s, event(EventName.ColumnsReranked, 9, { ranks: [{ columnId: 'c3', rank: 'a0' }, { columnId: TODO, rank: 'a1' }, { columnId: DONE, rank: 'a2' }] }));
    expect(orderedColumns(s).map((c) => c.id)).toEqual(['c3', TODO, DONE]);
    expect(s.seq).toBe(9);
  });

  it('column:deleted removes the column and its tasks', () => {
    const s = applyEvent(loaded(), event(EventName.ColumnDeleted, 6, { columnId: TODO }));
    expect(s.columns[TODO]).toBeUndefined();
    expect(Object.keys(s.tasks)).toEqual([]);
  });

  it('column:restored puts the column back with its tasks in their order', () => {
    let s = applyEvent(loaded(), event(EventName.ColumnDeleted, 6, { columnId: TODO }));
    const tasks = [task('t1', TODO, 'a0'), task('t2', TODO, 'a1')];
    s = applyEvent(s, event(EventName.ColumnRestored, 7, { column: { id: TODO, boardId: BOARD, name: 'To do', rank: 'a0', tasks } }));
    expect(s.seq).toBe(7);
    expect(orderedColumns(s).map((c) => c.id)).toEqual([TODO, DONE]);
    expect(s.columns[TODO]).toEqual({ id: TODO, boardId: BOARD, name: 'To do', rank: 'a0' });
    expect(tasksOf(s, TODO)).toEqual(tasks);
  });

  it('board:updated renames; board:deleted marks the board gone', () => {
    let s = applyEvent(loaded(), event(EventName.BoardUpdated, 6, { updates: { name: 'Relaunch' } }));
    expect(s.name).toBe('Relaunch');
    s = applyEvent(s, event(EventName.BoardDeleted, 7, { memberIds: [BEN.id] }));
    expect(s.status).toBe('deleted');
  });

  it('member:added adds or changes a role; member:removed of someone else drops them', () => {
    let s = applyEvent(loaded(), event(EventName.MemberAdded, 6, { member: { user: BEN, role: 'VIEWER', email: 'ben@example.test' } }));
    expect(s.members[BEN.id].role).toBe('VIEWER');
    s = applyEvent(s, event(EventName.MemberRemoved, 7, { userId: BEN.id }));
    expect(s.members[BEN.id]).toBeUndefined();
    expect(s.status).toBe('ready');
  });

  it('member:removed of the user marks the board removed', () => {
    const s = applyEvent(loaded(), event(EventName.MemberRemoved, 6, { userId: ANA.id }));
    expect(s.status).toBe('removed');
  });

  it('skips a task event whose version the store already has from an answer', () => {
    const answered = upsertTask(loaded(), task('t1', DONE, 'a5', { title: 'Mine', version: 3 }));
    const s = applyEvent(answered, event(EventName.TaskUpdated, 6, { taskId: 't1', updates: { title: 'Old' }, version: 2 }));
    expect(s.tasks.t1.title).toBe('Mine');
    expect(s.seq).toBe(6);
  });
});

describe('upsertTask', () => {
  it('keeps a newer version and ignores tasks of a missing column', () => {
    const s = loaded();
    expect(upsertTask(s, task('t1', TODO, 'a0', { version: 1, title: 'stale' }))).toBe(s);
    expect(upsertTask(s, task('t7', 'gone', 'a0'))).toBe(s);
    expect(upsertTask(s, task('t1', TODO, 'a0', { version: 2, title: 'new' })).tasks.t1.title).toBe('new');
  });
});
