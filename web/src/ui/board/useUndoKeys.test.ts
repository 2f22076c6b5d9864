import { describe, expect, it } from 'vitest';
import { isTyping, undoShortcut } from './useUndoKeys';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}, code = `Key${key.toUpperCase()}`) => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the undo shortcuts', () => {
  it('undoes with Ctrl+Z or Cmd+Z and redoes with Ctrl+Shift+Z, Cmd+Shift+Z or Ctrl+Y', () => {
    expect(undoShortcut(press('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcut(press('z', { metaKey: true }))).toBe('undo');
    expect(undoShortcut(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(press('y', { ctrlKey: true }))).toBe('redo');
  });

  it('finds Z where it is on a keyboard that types another letter there', () => {
    expect(undoShortcut(press('я', { ctrlKey: true }, 'KeyZ'))).toBe('undo');
  });

  it('leaves other keys alone', () => {
    expect(undoShortcut(press('z'))).toBeNull();
    expect(undoShortcut(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoShortcut(press('x', { ctrlKey: true }))).toBeNull();
  });

  it('leaves Ctrl+Z to text fields and editable text', () => {
    const inside = (selector: string | null) => ({ closest: (s: string) => (selector && s.includes(selector) ? {} : null) }) as unknown as EventTarget;
    expect(isTyping(inside('textarea'))).toBe(true);
    expect(isTyping(inside('input'))).toBe(true);
    expect(isTyping(inside('[contenteditable="true"]'))).toBe(true);
    expect(isTyping(inside(null))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
