import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { descriptionProblem, titleProblem } from '../../lib/limits';
import { realtime } from '../../realtime/connection';
import type { Draft } from '../../store/boardState';
import { draftKey } from '../../store/boardState';
import type { BoardView } from '../../store/boardStore';
import type { TaskEdit } from '../../store/conflicts';
import { deleteTask, updateTask } from '../../store/mutations';
import { confirmAction } from '../confirm';
import { Dialog } from '../Dialog';
import { InlineEdit } from '../InlineEdit';
import { LazyMarkdown as Markdown } from '../LazyMarkdown';
import { absoluteTime } from '../time';
import { useBoardContext } from './BoardContext';
import { toastDeleted } from './deletedToast';
import { Checklist } from './detail/Checklist';
import { Comments } from './detail/Comments';
import { TaskFields } from './detail/TaskFields';
import { TaskHistory } from './history/TaskHistory';
import { editingPhrase, editorsByTask } from './editors';


type Field = 'title' | 'description';

/** The draft's text as it would be stored, or undefined when it changes nothing. */
function changed(draft: Draft | undefined, field: Field): string | undefined {
  if (!draft) return undefined;
  const text = field === 'title' ? draft.text.trim() : draft.text;
  return text === draft.original ? undefined : text;
}

/**
 * A task opened: its title and description, saved together (one request) on Save, Enter in
 * the title, Ctrl+Enter in the description, or closing; who else has it open; and, when
 * someone else saved it meanwhile, a choice of which version to keep.
 */
export function TaskDialog({ taskId, view, onClose }: { taskId: string; view: BoardView; onClose(): void }) {
  const { store, me, editable } = useBoardContext();
  const { board } = view;
  const task = board.tasks[taskId];
  const descriptionKey = draftKey.taskDescription(taskId);
  const titleKey = draftKey.taskDialogTitle(taskId);
  const description = board.drafts[descriptionKey];
  const title = board.drafts[titleKey];
  const editors = editorsByTask(view.presence, me.id).get(taskId);
  const descriptionMessageId = useId();
  const descriptionFieldId = useId();
  // The task version whose change the user dismissed the notice for.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [preview, setPreview] = useState(false);

  // Others see "… is editing" while someone who may edit has it open.
  useEffect(() => {
    if (!editable) return;
    realtime.setEditing(board.id, taskId);
    return () => realtime.setEditing(board.id, null);
  }, [board.id, taskId, editable]);

  /** Saves what changed, title and description in one request. `over` saves on top of that version (keeping mine). */
  const save = async (over?: number) => {
    const drafts = { title: store.confirmed.drafts[titleKey], description: store.confirmed.drafts[descriptionKey] };
    // A title that can't be stored stays in its field with its reason; the rest is saved.
    const titleOk = drafts.title !== undefined && titleProblem(drafts.title.text) === null;
    const descriptionOk = drafts.description !== undefined && descriptionProblem(drafts.description.text) === null;
    const mine: TaskEdit = {};
    const startedFrom: TaskEdit = {};
    const versions: number[] = [];
    for (const [field, draft, ok] of [
      ['title', drafts.title, titleOk],
      ['description', drafts.description, descriptionOk],
    ] as const) {
      const text = ok ? changed(draft, field) : undefined;
      if (text === undefined || !draft) continue;
      mine[field] = text;
      startedFrom[field] = draft.original;
      versions.push(draft.version ?? 0);
    }
    if (titleOk) store.setDraft(titleKey, null);
    if (descriptionOk) store.setDraft(descriptionKey, null);
    setDismissed(null);
    if (versions.length === 0) return;
    const outcome = await updateTask(store, taskId, mine, { ...startedFrom, version: over ?? Math.min(...versions) });
    // Refused for another reason than a conflict: give the text back instead of losing it.
    if (outcome === 'failed' && store.confirmed.tasks[taskId]) {
      if (mine.title !== undefined && !store.confirmed.drafts[titleKey]) store.setDraft(titleKey, drafts.title!);
      if (mine.description !== undefined && !store.confirmed.drafts[descriptionKey]) store.setDraft(descriptionKey, drafts.description!);
    }
  };

  const close = () => {
    void save();
    store.setDraft(titleKey, null); // a title that couldn't be saved goes with the dialog
    onClose();
  };

  if (!task) {
    return (
      <Dialog title="Task not found" onClose={onClose} className="dialog-small">
        <p className="dialog-text">This task was deleted. Close this dialog to go back to the board.</p>
      </Dialog>
    );
  }

  const remove = async () => {
    if (await confirmAction('Delete task?', `“${task.title}” will be deleted for everyone. You can undo it, or restore it from the trash.`, 'Delete task')) {
      store.setDraft(descriptionKey, null);
      store.setDraft(titleKey, null);
      onClose();
      toastDeleted(store, deleteTask(store, taskId));
    }
  };

  const onDescriptionKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  // Someone else saved a field this user is editing, to something else than either side.
  const clashes = (field: Field, draft: Draft | undefined) =>
    draft !== undefined && draft.version !== undefined && task.version > draft.version && task[field] !== draft.original && task[field] !== (field === 'title' ? draft.text.trim() : draft.text);
  const clashed = (['title', 'description'] as const).filter((f) => clashes(f, f === 'title' ? title : description));
  const showClash = clashed.length > 0 && dismissed !== task.version;
  const takeTheirs = () => {
    for (const field of clashed) store.setDraft(field === 'title' ? titleKey : descriptionKey, null);
  };

  const titleChange = changed(title, 'title');
  const descriptionChange = changed(description, 'description');
  const descriptionError = description ? descriptionProblem(description.text) : null;
  const titleError = title ? titleProblem(title.text) : null;
  const dirty = titleChange !== undefined || descriptionChange !== undefined;
  const column = board.columns[task.columnId];

  return (
    <Dialog title={task.title} onClose={close} className="dialog-wide">
      {editable && title && (
        <InlineEdit
          label="Title"
          className="task-title-input"
          value={title.text}
          validate={titleProblem}
          onLeave="keep"
          onChange={(text) => store.typeDraft(titleKey, text)}
          onSave={() => void save()}
          onCancel={() => store.setDraft(titleKey, null)}
        />
      )}
      <p className="task-meta muted">
        In <strong dir="auto">{column?.name ?? '—'}</strong> · added by <span dir="auto">{task.createdBy.name}</span> · updated {absoluteTime(task.updatedAt)}
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
        <div className="field">
          <div className="detail-field-head">
            <label className="field-label" htmlFor={descriptionFieldId}>
              Description
            </label>
            <span className="segmented" role="group" aria-label="Editor mode">
              <button type="button" className="segmented-button" aria-pressed={!preview} onClick={() => setPreview(false)}>
                Write
              </button>
              <button type="button" className="segmented-button" aria-pressed={preview} onClick={() => setPreview(true)}>
                Preview
              </button>
            </span>
          </div>
          {preview ? (
            <div className="task-description" aria-label="Preview" role="region">
              {(description?.text ?? task.description) ? <Markdown text={description?.text ?? task.description} /> : <span className="muted">Nothing to preview.</span>}
            </div>
          ) : (
            <textarea
              id={descriptionFieldId}
              className="input textarea"
              rows={8}
              dir="auto"
              placeholder="Add more detail… (Markdown: **bold**, - lists, [links](https://…))"
              aria-invalid={descriptionError !== null}
              aria-describedby={descriptionError ? descriptionMessageId : undefined}
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
          )}
          {descriptionError && (
            <span id={descriptionMessageId} className="field-error">
              {descriptionError}
            </span>
          )}
        </div>
      ) : (
        <section className="field" aria-label="Description">
          <h3 className="field-label">Description</h3>
          <div className="task-description">
            {task.description ? <Markdown text={task.description} /> : <span className="muted">No description.</span>}
          </div>
        </section>
      )}
      {editable && showClash && (
        <div className="notice" role="status">
          <p>
            Someone changed this {clashed.join(' and ')} while you were editing. Keep your version (it replaces theirs), use theirs (yours is dropped),
            or dismiss this and decide when you save.
          </p>
          <div className="notice-actions">
            <button type="button" className="button button-small button-primary" onClick={() => void save(task.version)}>
              Keep my version
            </button>
            <button type="button" className="button button-small" onClick={takeTheirs}>
              Use their version
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => setDismissed(task.version)}>
              Dismiss
            </button>
          </div>
        </div>
      )}

      {editable && (
        <div className="dialog-actions">
          {dirty && (
            <button
              type="button"
              className="button"
              onClick={() => {
                store.setDraft(descriptionKey, null);
                store.setDraft(titleKey, null);
              }}
            >
              Discard changes
            </button>
          )}
          <button type="button" className="button button-primary" disabled={!dirty || titleError !== null || descriptionError !== null} onClick={() => void save()}>
            Save
          </button>
        </div>
      )}

      <TaskFields task={task} board={board} />
      <Checklist task={task} />
      <Comments taskId={task.id} board={board} />
      <TaskHistory taskId={task.id} />

      {editable && (
        <div className="dialog-actions dialog-actions-end">
          <button type="button" className="button button-danger-ghost" onClick={() => void remove()}>
            Delete task
          </button>
        </div>
      )}
    </Dialog>
  );
}
