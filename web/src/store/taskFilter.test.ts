import { describe, expect, it } from 'vitest';
import type { Task } from '../api/types';
import { ANA, BEN, DONE, TODO, task } from '../test/fixtures';
import { emptyFilter, filterToSearch, indexInColumn, isFilterOn, parseFilter, taskMatcher, type FilterContext, type TaskFilter } from './taskFilter';

const context: FilterContext = {
  me: ANA.id,
  today: '2030-01-16', // a Wednesday
  labelIds: new Set(['bug', 'ux']),
  memberIds: new Set([ANA.id, BEN.id]),
};

const tasks = [
  task('login', TODO, 'a0', { title: 'Fix LOGIN page', labelIds: ['bug'], assigneeIds: [ANA.id], dueDate: '2030-01-10' }),
  task('pricing', TODO, 'a1', { title: 'Pricing', description: 'Three tiers, one page', labelIds: ['ux'], assigneeIds: [BEN.id], dueDate: '2030-01-18' }),
  task('docs', DONE, 'a0', { title: 'Write docs', assigneeIds: [ANA.id, BEN.id], dueDate: '2030-01-16' }),
  task('later', DONE, 'a1', { title: 'Later', dueDate: '2030-01-21' }),
  task('plain', DONE, 'a2', { title: 'Plain' }),
];

const shown = (filter: Partial<TaskFilter>) => tasks.filter(taskMatcher({ ...emptyFilter, ...filter }, context)).map((t) => t.id);

describe('taskMatcher', () => {
  it('shows everything without a filter', () => {
    expect(shown({})).toEqual(['login', 'pricing', 'docs', 'later', 'plain']);
  });

  it('finds every word in the title or description, any letter case', () => {
    expect(shown({ text: 'login' })).toEqual(['login']);
    expect(shown({ text: '  PAGE ' })).toEqual(['login', 'pricing']);
    expect(shown({ text: 'tiers pricing' })).toEqual(['pricing']);
    expect(shown({ text: 'tiers login' })).toEqual([]);
  });

  it('shows tasks with any of the chosen labels', () => {
    expect(shown({ labelIds: ['bug'] })).toEqual(['login']);
    expect(shown({ labelIds: ['bug', 'ux'] })).toEqual(['login', 'pricing']);
  });

  it('reads "me" as whoever is looking, and any of the chosen people', () => {
    expect(shown({ assignees: ['me'] })).toEqual(['login', 'docs']);
    expect(shown({ assignees: [BEN.id] })).toEqual(['pricing', 'docs']);
    expect(shown({ assignees: ['me', BEN.id] })).toEqual(['login', 'pricing', 'docs']);
    expect(tasks.filter(taskMatcher({ ...emptyFilter, assignees: ['me'] }, { ...context, me: BEN.id })).map((t) => t.id)).toEqual(['pricing', 'docs']);
  });

  it('ignores labels and people the board no longer has', () => {
    expect(shown({ labelIds: ['gone'] })).toHaveLength(tasks.length);
    expect(shown({ labelIds: ['gone', 'ux'] })).toEqual(['pricing']);
    expect(shown({ assignees: ['someone-who-left'] })).toHaveLength(tasks.length);
  });

  it('filters by due date against the local calendar', () => {
    expect(shown({ due: 'overdue' })).toEqual(['login']);
    expect(shown({ due: 'week' })).toEqual(['pricing', 'docs']); // today to Sunday
    expect(shown({ due: 'none' })).toEqual(['plain']);
  });

  it('takes a task without the new fields as having none', () => {
    const old = { ...task('old', TODO, 'a3'), labelIds: undefined, assigneeIds: undefined, dueDate: undefined } as unknown as Task;
    expect(taskMatcher({ ...emptyFilter, labelIds: ['bug'] }, context)(old)).toBe(false);
    expect(taskMatcher({ ...emptyFilter, assignees: ['me'] }, context)(old)).toBe(false);
    expect(taskMatcher({ ...emptyFilter, due: 'none' }, context)(old)).toBe(true);
  });

  it('combines kinds: all of them must hold', () => {
    expect(shown({ assignees: ['me'], due: 'week' })).toEqual(['docs']);
    expect(shown({ text: 'page', labelIds: ['ux'] })).toEqual(['pricing']);
  });
});

describe('the filter in the URL', () => {
  it('round-trips through the query string', () => {
    const filter: TaskFilter = { text: 'fix & ship', labelIds: ['bug', 'ux'], assignees: ['me', BEN.id], due: 'overdue' };
    const search = filterToSearch(filter);
    expect(search).toBe(`?q=fix+%26+ship&label=bug&label=ux&assignee=me&assignee=${BEN.id}&due=overdue`);
    expect(parseFilter(search)).toEqual(filter);
  });

  it('is empty without a query string, and writes none', () => {
    expect(parseFilter('')).toEqual(emptyFilter);
    expect(filterToSearch(emptyFilter)).toBe('');
    expect(isFilterOn(emptyFilter)).toBe(false);
    expect(isFilterOn({ ...emptyFilter, text: '   ' })).toBe(false);
    expect(isFilterOn({ ...emptyFilter, due: 'none' })).toBe(true);
  });

  it('drops what it does not understand and repeats nothing', () => {
    expect(parseFilter('?due=tomorrow&label=a&label=a&label=&assignee=ME&other=1')).toEqual({ text: '', labelIds: ['a'], assignees: ['me'], due: null });
  });
});

describe('indexInColumn', () => {
  const all = ['a', 'h1', 'b', 'h2', 'c'];

  it('drops before the next visible task', () => {
    // c dragged to the top of the visible a, b, c
    expect(indexInColumn('c', ['c', 'a', 'b'], all)).toBe(0);
    // a dragged between b and c
    expect(indexInColumn('a', ['b', 'a', 'c'], all)).toBe(3); // h1, b, h2, [a], c
  });

  it('drops after the previous visible task at the end', () => {
    expect(indexInColumn('a', ['b', 'c', 'a'], all)).toBe(4);
  });

  it('puts a task from another column at the end when no task is visible', () => {
    expect(indexInColumn('x', ['x'], ['h1', 'h2'])).toBe(2);
    expect(indexInColumn('x', ['x', 'b'], all)).toBe(2); // before b
  });
});
