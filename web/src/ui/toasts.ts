import { smallStore } from '../lib/smallStore';

export interface ToastAction {
  /** The button's text, e.g. "Undo". */
  label: string;
  run(): void;
}

export interface Toast {
  id: number;
  message: string;
  kind: 'error' | 'info';
  action?: ToastAction;
}

export const toasts = smallStore<Toast[]>([]);
let nextId = 1;

export function showToast(message: string, kind: Toast['kind'] = 'error', ms = 6000, action?: ToastAction): void {
  const id = nextId++;
  toasts.set((list) => [...list.slice(-3), { id, message, kind, action }]);
  setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
  toasts.set((list) => list.filter((t) => t.id !== id));
}
