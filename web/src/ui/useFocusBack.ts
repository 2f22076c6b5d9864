import { useEffect, useRef, type RefObject } from 'react';

/**
 * When an in-place editor closes (Enter or Escape), its field is gone and focus would fall to
 * the page: put it back on the control that opened the editor.
 */
export function useFocusBack(editing: boolean, target: RefObject<HTMLElement | null>): void {
  const was = useRef(editing);
  useEffect(() => {
    const active = document.activeElement;
    if (was.current && !editing && (active === null || active === document.body)) target.current?.focus();
    was.current = editing;
  }, [editing, target]);
}
