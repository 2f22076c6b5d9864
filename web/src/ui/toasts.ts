import { smallStore } from '../lib/smallStore';

export interface Toast {
  id: number;
  message: string;
  kind: 'error' | 'info';
}

export const toasts = smallStore<Toast[]>([]);
let nextId = 1;

export function showToast(message: string, kind: Toast['kind'] = 'error', ms = 6000): void {
  const id = nextId++;
  toasts.set((list) => [...list.slice(-3), { id, message, kind }]);
  setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
  toasts.set((list) => list.filter((t) => t.id !== id));
}
