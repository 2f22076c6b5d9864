import { useSyncExternalStore } from 'react';

/** A value with listeners: enough for the app's few global bits (session, toasts, dialogs). */
export interface SmallStore<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function smallStore<T>(initial: T): SmallStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSmallStore<T>(store: SmallStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
