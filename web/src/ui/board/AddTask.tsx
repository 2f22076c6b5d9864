import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { titleProblem } from '../../lib/limits';
import { draftKey, type Draft } from '../../store/boardState';
import { createTask } from '../../store/mutations';
import { PlusIcon } from '../Icon';
import { useBoardContext } from './BoardContext';

/**
 * "Add task" at the bottom of a column opens a field: Enter adds the task and keeps the
 * field open for the next one, Escape (or leaving it empty) closes it.
 */
export function AddTask({ columnId, draft }: { columnId: string; draft: Draft | undefined }) {
  const { store, me } = useBoardContext();
  const key = draftKey.newTask(columnId);
  const field = useRef<HTMLTextAreaElement>(null);
  const messageId = useId();
  const open = draft !== undefined;

  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" className="add-button" onClick={() => store.setDraft(key, { text: '' })}>
        <PlusIcon /> Add task
      </button>
    );
  }

  // Empty: Add is disabled and says why; too long: the text stays as pasted, with the reason.
  const problem = titleProblem(draft.text);
  const invalid = problem !== null && draft.text.trim() !== '';

  const save = () => {
    const title = draft.text.trim();
    if (problem) return;
    store.setDraft(key, { text: '' });
    void createTask(store, columnId, title, me);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      store.setDraft(key, null);
    }
  };

  return (
    <div className="add-task">
      <textarea
        ref={field}
        className="input add-task-input"
        aria-label="New task title"
        placeholder="Add a task…"
        rows={2}
        dir="auto"
        aria-invalid={invalid}
        aria-describedby={invalid ? messageId : undefined}
        value={draft.text}
        onChange={(e) => store.typeDraft(key, e.target.value.replace(/\n/g, ' '))}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!draft.text.trim()) store.setDraft(key, null);
        }}
      />
      {problem !== null && (
        <p id={messageId} className={invalid ? 'field-error' : 'field-hint'}>
          {invalid ? problem : 'Type a title, then Enter to add it (Escape to close).'}
        </p>
      )}
      <div className="add-task-actions">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={problem !== null}
          aria-describedby={problem !== null ? messageId : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={save}
        >
          Add
        </button>
        <button type="button" className="button button-ghost button-small" onMouseDown={(e) => e.preventDefault()} onClick={() => store.setDraft(key, null)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
