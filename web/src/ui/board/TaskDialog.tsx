import { useEffect, type KeyboardEvent } from 'react';
import { realtime } from '../../realtime/connection';
import { openConflict } from '../../store/conflicts';
import { draftKey } from '../../store/boardState';
import type { BoardView } from '../../store/boardStore';
import { deleteTask, updateTask } from '../../store/mutations';
import { confirmAction } from '../confirm';
import { Dialog } from '../Dialog';
import { InlineEdit } from '../InlineEdit';
import { useBoardContext } from './BoardContext';
import { editingPhrase, editorsByTask } from './editors';

const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A task opened: its title, its description (saved on Save, Ctrl+Enter or closing), who else has it open. */
export function TaskDialog({ taskId, view, onClose }: { taskId: string; view: BoardView; onClose(): void }) {
  const { store, me, editable } = useBoardContext();
  const { board } = view;
  const task = board.tasks[taskId];
  const descriptionKey = draftKey.taskDescription(taskId);
  const titleKey = draftKey.taskTitle(taskId);
  const description = board.drafts[descriptionKey];
  const title = board.drafts[titleKey];
  const editors = editorsByTask(view.presence, me.id).get(taskId);

  // Others see "… is editing" while someone who may edit has it open.
  useEffect(() => {
    if (!editable) return;
    realtime.setEditing(board.id, taskId);
    return () => realtime.setEditing(board.id, null);
  }, [board.id, taskId, editable]);

  const saveDescription = async () => {
    const draft = store.confirmed.drafts[descriptionKey];
    if (!draft) return;
    store.setDraft(descriptionKey, null);
    if (draft.text === draft.original) return;
    const saved = await updateTask(store, taskId, { description: draft.text }, { version: draft.version ?? 0, description: draft.original });
    // Refused for another reason than a conflict: give the text back instead of losing it.
    if (!saved && !openConflict.get() && store.confirmed.tasks[taskId] && !store.confirmed.drafts[descriptionKey]) {
      store.setDraft(descriptionKey, draft);
    }
  };

  const close = () => {
    void saveDescription();
    onClose();
  };

  if (!task) {
    return (
      <Dialog title="Task not found" onClose={onClose} className="dialog-small">
        <p className="dialog-text">This task was deleted.</p>
      </Dialog>
    );
  }

  const saveTitle = (text: string) => {
    store.setDraft(titleKey, null);
    const next = text.trim();
    if (next && next !== title?.original) void updateTask(store, taskId, { title: next }, { version: title?.version ?? task.version, title: title?.original });
  };

  const remove = async () => {
    if (await confirmAction('Delete task?', `“${task.title}” will be deleted for everyone.`, 'Delete task')) {
      store.setDraft(descriptionKey, null);
      onClose();
      void deleteTask(store, taskId);
    }
  };

  const onDescriptionKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void saveDescription();
    }
  };

  const changedMeanwhile = description && description.version !== undefined && task.version > description.version && task.description !== description.original;
  const column = board.columns[task.columnId];

  return (
    <Dialog title={task.title} onClose={close} className="dialog-wide">
      {editable && title && (
        <InlineEdit label="Title" className="task-title-input" value={title.text} onChange={(text) => store.typeDraft(titleKey, text)} onSave={saveTitle} onCancel={() => store.setDraft(titleKey, null)} />
      )}
      <p className="task-meta muted">
        In <strong>{column?.name ?? '—'}</strong> · added by {task.createdBy.name} · updated {formatTime(task.updatedAt)}
        {editable && !title && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => store.setDraft(titleKey, { text: task.title, version: task.version, original: task.title })}>
              Edit title
            </button>
          </>
        )}
      </p>
      {editors && <p className="task-editors">{editingPhrase(editors)}</p>}

      {editable ? (
        <label className="field">
          <span className="field-label">Description</span>
          <textarea
            className="input textarea"
            rows={8}
            maxLength={20000}
            placeholder="Add more detail…"
            value={description?.text ?? task.description}
            onChange={(e) =>
              store.setDraft(descriptionKey, {
                text: e.target.value,
                version: description?.version ?? task.version,
                original: description?.original ?? task.description,
              })
            }
            onKeyDown={onDescriptionKey}
          />
        </label>
      ) : (
        <section className="field" aria-label="Description">
          <h3 className="field-label">Description</h3>
          <div className="task-description">{task.description || <span className="muted">No description.</span>}</div>
        </section>
      )}
      {changedMeanwhile && <p className="notice">Someone changed this description while you were editing. Saving asks which version to keep.</p>}

      {editable && (
        <div className="dialog-actions">
          <button type="button" className="button button-danger-ghost" onClick={() => void remove()}>
            Delete task
          </button>
          <span className="spacer" />
          {description && description.text !== description.original && (
            <button type="button" className="button" onClick={() => store.setDraft(descriptionKey, null)}>
              Discard changes
            </button>
          )}
          <button type="button" className="button button-primary" disabled={!description || description.text === description.original} onClick={() => void saveDescription()}>
            Save
          </button>
        </div>
      )}
    </Dialog>
  );
}
