import { useEffect } from 'react';
import type { BoardStore } from '../../store/boardStore';
import { redo, undo } from '../../store/mutations';

/** True while the user types: there Ctrl+Z belongs to the text field. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** Which shortcut a key press is: Ctrl+Z (Cmd+Z) undoes, Ctrl+Shift+Z (Cmd+Shift+Z) and Ctrl+Y redo. */
export function undoShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  // `code` as well, so that the shortcut is where Z is on the keyboard whatever its layout types.
  const key = event.key.toLowerCase();
  const z = key === 'z' || event.code === 'KeyZ';
  if (z) return event.shiftKey ? 'redo' : 'undo';
  if ((key === 'y' || event.code === 'KeyY') && !event.shiftKey) return 'redo';
  return null;
}

/** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the board page, except while typing (for an EDITOR or OWNER). */
export function useUndoKeys(store: BoardStore | null, enabled: boolean): void {
  useEffect(() => {
    if (!store || !enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || isTyping(event.target)) return;
      const which = undoShortcut(event);
      if (!which) return;
      event.preventDefault();
      void (which === 'undo' ? undo(store) : redo(store));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, enabled]);
}
