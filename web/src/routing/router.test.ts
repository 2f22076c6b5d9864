import { describe, expect, it } from 'vitest';
import { filterToSearch, parseFilter } from '../store/taskFilter';
import { boardPath, parseRoute, taskPath } from './router';

const BOARD = '0190a000-0000-7000-8000-000000000001';
const TASK = '0190a000-0000-7000-8000-0000000000aa';

describe('parseRoute', () => {
  it('knows the home page, a board and My tasks', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute(`/boards/${BOARD}`)).toEqual({ name: 'board', boardId: BOARD, taskId: null });
    expect(parseRoute(`/boards/${BOARD}/`)).toEqual({ name: 'board', boardId: BOARD, taskId: null });
    expect(parseRoute('/my-tasks')).toEqual({ name: 'myTasks' });
  });

  it('opens a task from a deep link, ids in any letter case', () => {
    expect(parseRoute(`/boards/${BOARD}/tasks/${TASK}`)).toEqual({ name: 'board', boardId: BOARD, taskId: TASK });
    expect(parseRoute(`/boards/${BOARD.toUpperCase()}/tasks/${TASK.toUpperCase()}/`)).toEqual({ name: 'board', boardId: BOARD, taskId: TASK });
  });

  it('builds the paths it parses', () => {
    expect(parseRoute(taskPath(BOARD, TASK))).toEqual({ name: 'board', boardId: BOARD, taskId: TASK });
    expect(parseRoute(boardPath(BOARD))).toEqual({ name: 'board', boardId: BOARD, taskId: null });
  });

  it('says "not found" for anything else', () => {
    for (const path of ['/boards', `/boards/${BOARD}/tasks`, `/boards/${BOARD}/tasks/nope`, `/boards/${BOARD}/columns/${TASK}`, '/my-tasks/x', '/boards/short'])
      expect(parseRoute(path), path).toEqual({ name: 'notFound' });
  });
});

describe('a shared task link with a filter', () => {
  it('splits into the route and the filter', () => {
    const url = new URL(taskPath(BOARD, TASK) + filterToSearch({ text: 'login', labelIds: ['bug'], assignees: ['me'], due: 'week' }), 'https://kanban.test');
    expect(url.pathname + url.search).toBe(`/boards/${BOARD}/tasks/${TASK}?q=login&label=bug&assignee=me&due=week`);
    expect(parseRoute(url.pathname)).toEqual({ name: 'board', boardId: BOARD, taskId: TASK });
    expect(parseFilter(url.search)).toEqual({ text: 'login', labelIds: ['bug'], assignees: ['me'], due: 'week' });
  });
});
