import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useRef } from 'react';
import type { Task } from '../../api/types';
import { titleProblem } from '../../lib/limits';
import { draftKey, type Draft } from '../../store/boardState';
import { deleteTask, updateTask } from '../../store/mutations';
import { confirmAction } from '../confirm';
import { GripIcon, PencilIcon, TrashIcon } from '../Icon';
import { InlineEdit } from '../InlineEdit';
import { useFocusBack } from '../useFocusBack';
import { useBoardContext } from './BoardContext';
import { toastDeleted } from './deletedToast';
import { CardDetails, CardLabels } from './detail/CardDetails';
import { editingPhrase } from './editors';
import { selectLabels, selectMembers, useBoardSlice } from './useBoardSlice';

interface TaskCardProps {
  task: Task;
  /** Another person just changed it. */
  flash: boolean;
  /** Who else has it open ("Ana"), or empty. */
  editors: string;
  /** The in-place title editor's text, when open. */
  titleDraft: Draft | undefined;
}

export const TaskCard = memo(function TaskCard({ task, flash, editors, titleDraft }: TaskCardProps) {
  const { store, editable, openTask } = useBoardContext();
  const labels = useBoardSlice(selectLabels);
  const members = useBoardSlice(selectMembers);
  const editing = titleDraft !== undefined;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { type: 'task', columnId: task.columnId, title: task.title },
    disabled: !editable || editing,
  });

  const editButton = useRef<HTMLButtonElement>(null);
  useFocusBack(editing, editButton);

  const key = draftKey.taskTitle(task.id);
  const startEdit = () => store.setDraft(key, { text: task.title, version: task.version, original: task.title });
  const saveTitle = (text: string) => {
    store.setDraft(key, null);
    const title = text.trim();
    if (!title || title === titleDraft?.original) return;
    void updateTask(store, task.id, { title }, { version: titleDraft?.version ?? task.version, title: titleDraft?.original });
  };
  const remove = async () => {
    if (await confirmAction('Delete task?', `“${task.title}” will be deleted for everyone. You can undo it, or restore it from the trash.`, 'Delete task'))
      toastDeleted(store, deleteTask(store, task.id));
  };

  const className = ['card', isDragging && 'card-placeholder', flash && 'card-flash', editors && 'card-busy'].filter(Boolean).join(' ');

  return (
    <li
      ref={setNodeRef}
      className={className}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-task-id={task.id}
      {...(editable ? listeners : {})}
    >
      {editable && (
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="card-grip"
          {...attributes}
          aria-label={`Move task: ${task.title}`}
          title="Drag to move (or press Space, then arrow keys)"
        >
          <GripIcon />
        </button>
      )}
      <div className="card-main">
        {!editing && <CardLabels task={task} labels={labels} />}
        {editing ? (
          <InlineEdit
            label="Task title"
            className="card-title-input"
            validate={titleProblem}
            value={titleDraft.text}
            onChange={(text) => store.typeDraft(key, text)}
            onSave={saveTitle}
            onCancel={() => store.setDraft(key, null)}
          />
        ) : (
          <button type="button" className="card-title" dir="auto" onClick={() => openTask(task.id)}>
            {task.title}
          </button>
        )}
        {!editing && (
          <div className="card-meta">
            <CardDetails task={task} members={members} />
            {editors && (
              <span className="card-editors" dir="auto">
                {editingPhrase(editors)}
              </span>
            )}
          </div>
        )}
      </div>
      {editable && !editing && (
        <div className="card-actions">
          <button ref={editButton} type="button" className="icon-button" aria-label={`Edit title: ${task.title}`} title="Edit title" onClick={startEdit}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete task: ${task.title}`} title="Delete" onClick={() => void remove()}>
            <TrashIcon />
          </button>
        </div>
      )}
    </li>
  );
});

/** What the dragged card looks like under the pointer. */
export function TaskCardPreview({ task }: { task: Task }) {
  return (
    <div className="card card-overlay">
      <span className="card-grip" aria-hidden="true">
        <GripIcon />
      </span>
      <div className="card-main">
        <span className="card-title" dir="auto">
          {task.title}
        </span>
      </div>
    </div>
  );
}
