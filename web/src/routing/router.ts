// A tiny router over the History API: the home page, a board (optionally with one task open),
// and the caller's tasks. The query string (a board's filter) travels with the path.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string; taskId: string | null }
  | { name: 'myTasks' }
  | { name: 'notFound' };

const changeEvent = 'kanban:navigate';
const uuid = '([0-9a-fA-F-]{36})';
const boardPattern = new RegExp(`^/boards/${uuid}(?:/tasks/${uuid})?/?$`);

export function parseRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/my-tasks' || path === '/my-tasks/') return { name: 'myTasks' };
  const board = boardPattern.exec(path);
  if (board) return { name: 'board', boardId: board[1].toLowerCase(), taskId: board[2]?.toLowerCase() ?? null };
  return { name: 'notFound' };
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  /** Scroll to the top (a new page); off for changes within a page (a filter, a dialog). */
  scroll?: boolean;
  /** Kept on the history entry (history.state), e.g. to know how a dialog was opened. */
  state?: unknown;
}

/** Goes to `url` (a path, optionally with a query string) without reloading. */
export function navigate(url: string, options: NavigateOptions | boolean = {}): void {
  const { replace = false, scroll = true, state = null } = typeof options === 'boolean' ? { replace: options } : options;
  if (url === location.pathname + location.search && !replace) return;
  if (replace) history.replaceState(state, '', url);
  else history.pushState(state, '', url);
  window.dispatchEvent(new Event(changeEvent));
  if (scroll) window.scrollTo(0, 0);
}

export const boardPath = (boardId: string): string => `/boards/${boardId}`;
export const taskPath = (boardId: string, taskId: string): string => `/boards/${boardId}/tasks/${taskId}`;
export const myTasksPath = '/my-tasks';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(changeEvent, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(changeEvent, listener);
  };
}

const currentPath = () => location.pathname;
const currentSearch = () => location.search;

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The query string, with its "?" (or ""). */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}
