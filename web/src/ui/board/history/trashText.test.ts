import { describe, expect, it } from 'vitest';
import { ApiError, ErrorCode } from '../../../api/errors';
import type { TrashItem } from '../../../api/types';
import { ANA, BEN } from '../../../test/fixtures';
import { deletedLine, restoreProblem, tasksWith, withoutItem } from './trashText';

const now = Date.parse('2026-12-07T14:00:00Z');
const item = (extra: Partial<TrashItem> = {}): TrashItem => ({
  kind: 'task',
  id: 't1',
  title: 'Fix login',
  deletedAt: '2026-12-07T12:00:00Z',
  deletedBy: ANA,
  columnId: 'c1',
  taskCount: null,
  ...extra,
});

describe('the trash view', () => {
  it('says who deleted an item and when', () => {
    expect(deletedLine(item(), BEN.id, now)).toBe('Deleted by Ana, 2 hours ago');
    expect(deletedLine(item(), ANA.id, now)).toBe('Deleted by you, 2 hours ago');
  });

  it('says how many tasks went with a column', () => {
    expect(tasksWith(item({ kind: 'column', taskCount: 3 }))).toBe('with its 3 tasks');
    expect(tasksWith(item({ kind: 'column', taskCount: 1 }))).toBe('with its 1 task');
    expect(tasksWith(item({ kind: 'column', taskCount: 0 }))).toBe('no tasks');
    expect(tasksWith(item())).toBeNull();
  });

  it('explains a refused restore and what to do', () => {
    expect(restoreProblem(new ApiError(ErrorCode.NotFound, 'Task not found.'))).toMatch(/removed for good/);
    expect(restoreProblem(new ApiError(ErrorCode.Forbidden, 'no'))).toMatch(/Only editors and owners/);
    expect(restoreProblem(new ApiError(ErrorCode.Validation, 'The board has no column to restore the task to.', 'id'))).toBe(
      'The board has no column to restore the task to. Add a column, then restore it.',
    );
    expect(restoreProblem(new ApiError(ErrorCode.Validation, 'A board has at most 100 columns.'))).toBe('A board has at most 100 columns.');
  });

  it('takes a restored item off the list', () => {
    expect(withoutItem([item(), item({ id: 't2' })], 't1').map((i) => i.id)).toEqual(['t2']);
  });
});
