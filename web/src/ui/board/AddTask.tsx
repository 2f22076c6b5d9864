import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Task } from '../../api/types';
import { titleProblem } from '../../lib/limits';
import { draftKey, type Draft } from '../../store/boardState';
import { createTask, newTask } from '../../store/mutations';
import { PlusIcon } from '../Icon';
import { useBoardContext } from './BoardContext';

type Matcher = (task: Task) => boolean;

/**
 * "Add task" at the bottom of a column opens a field: Enter adds the task and keeps the
 * field open for the next one, Escape (or leaving it empty) closes it. With a filter on
 * (`visible`), a task it hides would vanish as it is added: a notice says so instead, with
 * Clear filters, until the filter changes or a task it shows is added.
 */
export function AddTask({ columnId, draft, visible }: { columnId: string; draft: Draft | undefined; visible: Matcher | null }) {
  const { store, me, clearFilter } = useBoardContext();
  const key = draftKey.newTask(columnId);
  const field = useRef<HTMLTextAreaElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  const open = draft !== undefined;
  // How many tasks were added that this filter hides; shown only while the filter is the same.
  const [hidden, setHidden] = useState<{ count: number; filter: Matcher } | null>(null);
  const hiddenCount = visible && hidden?.filter === visible ? hidden.count : 0;

  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  const showAll = () => {
    clearFilter();
    (open ? field.current : addButton.current)?.focus(); // the notice and its button go
  };
  // Always there while a filter is on, so what appears in it is announced.
  const notice: ReactNode = visible && (
    <div className="add-task-notice" role="status">
      {hiddenCount > 0 && (
        <div className="notice">
          <p>{hiddenCount === 1 ? 'Task added; it is hidden by the filter.' : `${hiddenCount} tasks added; they are hidden by the filter.`}</p>
          <div className="notice-actions">
            <button type="button" className="button button-small" onMouseDown={(e) => e.preventDefault()} onClick={showAll}>
              Clear filters
            </button>
          </div>
        </div>
      )}
    </div>
  );

  if (!open) {
    return (
      <>
        {notice}
        <button ref={addButton} type="button" className="add-button" onClick={() => store.setDraft(key, { text: '' })}>
          <PlusIcon /> Add task
        </button>
      </>
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
    if (visible && !visible(newTask(store.boardId, columnId, title, me))) {
      const before = hidden?.filter === visible ? hidden.count : 0;
      setHidden({ count: before + 1, filter: visible });
    } else if (hidden) {
      setHidden(null);
    }
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
    <>
      {notice}
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
    </>
  );
}
