// A tiny router over the History API: the home page and one URL per board.
import { useSyncExternalStore } from 'react';

export type Route = { name: 'home' } | { name: 'board'; boardId: string } | { name: 'notFound' };

const changeEvent = 'kanban:navigate';

export function parseRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'home' };
  const board = /^\/boards\/([0-9a-fA-F-]{36})\/?$/.exec(path);
  if (board) return { name: 'board', boardId: board[1].toLowerCase() };
  return { name: 'notFound' };
}

export function navigate(path: string, replace = false): void {
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(changeEvent));
  window.scrollTo(0, 0);
}

export const boardPath = (boardId: string): string => `/boards/${boardId}`;

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(changeEvent, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(changeEvent, listener);
  };
}

const currentPath = () => location.pathname;

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}
