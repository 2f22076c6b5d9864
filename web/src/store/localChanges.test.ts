import { describe, expect, it } from 'vitest';
import { ANA, BOARD, DONE, snapshot, task, TODO } from '../test/fixtures';
import { emptyBoard } from './boardState';
import { moveColumnTo, moveTaskTo, placeTask } from './localChanges';
import { applySnapshot } from './reducer';
import { orderedColumns, tasksOf } from './selectors';

const three = applySnapshot(emptyBoard(BOARD, ANA.id), snapshot(1, [task('a', TODO, 'a0'), task('b', TODO, 'a1'), task('c', TODO, 'a2')]));
const ids = (s: typeof three, column: string) => tasksOf(s, column).map((t) => t.id);

describe('local changes use the contract’s index (an array move)', () => {
  it('moves within a column, counting without the moved task', () => {
    expect(ids(moveTaskTo(three, 'a', TODO, 2), TODO)).toEqual(['b', 'c', 'a']);
    expect(ids(moveTaskTo(three, 'a', TODO, 1), TODO)).toEqual(['b', 'a', 'c']);
    expect(ids(moveTaskTo(three, 'c', TODO, 0), TODO)).toEqual(['c', 'a', 'b']);
    expect(ids(moveTaskTo(three, 'b', TODO, 1), TODO)).toEqual(['a', 'b', 'c']);
  });

  it('moves across columns; an index past the end means the end', () => {
    const s = moveTaskTo(three, 'b', DONE, 9);
    expect(ids(s, TODO)).toEqual(['a', 'c']);
    expect(ids(s, DONE)).toEqual(['b']);
  });

  it('places a new task at the end of its column', () => {
    const s = placeTask(three, task('new', TODO, ''), TODO);
    expect(ids(s, TODO)).toEqual(['a', 'b', 'c', 'new']);
  });

  it('moves a column', () => {
    expect(orderedColumns(moveColumnTo(three, TODO, 1)).map((c) => c.id)).toEqual([DONE, TODO]);
  });
});
