import { describe, expect, it } from 'vitest';
import { EventName } from '../realtime/events';
import { ANA, BOARD, DONE, event, snapshot, task, TODO } from '../test/fixtures';
import { emptyBoard } from './boardState';
import { applyEvent, applySnapshot } from './reducer';
import { tasksByColumn } from './selectors';

const board = () =>
  applySnapshot(emptyBoard(BOARD, ANA.id), snapshot(5, [task('t1', TODO, 'a0'), task('t2', TODO, 'a1'), task('d1', DONE, 'a0'), task('d2', DONE, 'a1')]));
const ids = (list: readonly { id: string }[] | undefined) => list?.map((t) => t.id);

describe('tasks by column', () => {
  it('lists each column in rank order, once per version of the task map', () => {
    const s = board();
    const groups = tasksByColumn(s);
    expect(ids(groups.get(TODO))).toEqual(['t1', 't2']);
    expect(ids(groups.get(DONE))).toEqual(['d1', 'd2']);
    expect(tasksByColumn(s)).toBe(groups);
  });

  it('keeps the list of a column none of whose tasks changed, so its cards need not render again', () => {
    const s = board();
    const before = tasksByColumn(s);

    const edited = applyEvent(s, event(EventName.TaskUpdated, 6, { taskId: 't2', updates: { title: 'Renamed', updatedAt: '2026-01-02T00:00:00Z' }, version: 2 }));
    const after = tasksByColumn(edited);
    expect(after.get(DONE)).toBe(before.get(DONE));
    expect(after.get(TODO)).not.toBe(before.get(TODO));
    expect(after.get(TODO)?.[1].title).toBe('Renamed');

    // A move changes both columns' lists; a new order in one column is a new list.
    const moved = applyEvent(edited, event(EventName.TaskMoved, 7, { taskId: 't1', fromColumn: TODO, toColumn: DONE, rank: 'a2', position: 2, version: 2, updatedAt: '2026-01-02T00:00:00Z' }));
    const third = tasksByColumn(moved);
    expect(ids(third.get(TODO))).toEqual(['t2']);
    expect(ids(third.get(DONE))).toEqual(['d1', 'd2', 't1']);
    expect(third.get(TODO)).not.toBe(after.get(TODO));
    expect(third.get(DONE)).not.toBe(after.get(DONE));

    const reordered = applyEvent(moved, event(EventName.TaskMoved, 8, { taskId: 'd1', fromColumn: DONE, toColumn: DONE, rank: 'a3', position: 2, version: 2, updatedAt: '2026-01-02T00:00:00Z' }));
    expect(ids(tasksByColumn(reordered).get(DONE))).toEqual(['d2', 't1', 'd1']);
    expect(tasksByColumn(reordered).get(TODO)).toBe(third.get(TODO));
  });
});
