import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useMemo, useRef } from 'react';
import type { Column, Task } from '../../api/types';
import { draftKey, type Draft } from '../../store/boardState';
import { deleteColumn, renameColumn } from '../../store/mutations';
import { confirmAction } from '../confirm';
import { GripIcon, PencilIcon, TrashIcon } from '../Icon';
import { InlineEdit } from '../InlineEdit';
import { titleProblem } from '../../lib/limits';
import { useFocusBack } from '../useFocusBack';
import { AddTask } from './AddTask';
import { useBoardContext } from './BoardContext';
import { toastDeleted } from './deletedToast';
import { TaskCard } from './TaskCard';
import { useRenderedCount } from './useRenderedCount';

interface ColumnViewProps {
  column: Column;
  /** The tasks shown: all of them, or those the filter lets through. */
  tasks: readonly Task[];
  /** How many tasks the column has while a filter is on; null without a filter. */
  total: number | null;
  /** The filter's test, or null without a filter. */
  visible: ((task: Task) => boolean) | null;
  drafts: Record<string, Draft>;
  flashes: Readonly<Record<string, true>>;
  editors: ReadonlyMap<string, string>;
}

const listId = (columnId: string) => `list:${columnId}`;

export const ColumnView = memo(function ColumnView({ column, tasks, total, visible, drafts, flashes, editors }: ColumnViewProps) {
  const { store, editable } = useBoardContext();
  const nameKey = draftKey.columnName(column.id);
  const nameDraft = drafts[nameKey];
  const renameButton = useRef<HTMLButtonElement>(null);
  useFocusBack(nameDraft !== undefined, renameButton);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: column.id,
    data: { type: 'column', name: column.name },
    disabled: !editable || nameDraft !== undefined,
  });
  const rendered = useRenderedCount(tasks.length);
  // The same ids while the tasks are the same: a new list is a new sortable context, and every card
  // of the column renders again (as on each keystroke in any of the board's editors, whose drafts
  // every column gets).
  const taskIds = useMemo(() => tasks.map((t) => t.id), [tasks]);
  const { setNodeRef: setListRef } = useDroppable({ id: listId(column.id), data: { type: 'list', columnId: column.id }, disabled: !editable });

  const saveName = (text: string) => {
    store.setDraft(nameKey, null);
    if (text.trim() && text.trim() !== column.name) void renameColumn(store, column.id, text);
  };
  const remove = async () => {
    const count = total ?? tasks.length;
    const what = count === 0 ? 'It has no tasks.' : count === 1 ? 'Its 1 task will be deleted too.' : `Its ${count} tasks will be deleted too.`;
    if (await confirmAction('Delete column?', `“${column.name}” will be deleted for everyone. ${what} You can undo it, or restore it from the trash.`, 'Delete column')) {
      toastDeleted(store, deleteColumn(store, column.id));
    }
  };

  return (
    <section
      ref={setNodeRef}
      className={`column ${isDragging ? 'column-placeholder' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-label={column.name}
    >
      <header className="column-header">
        {editable && (
          <button
            ref={setActivatorNodeRef}
            type="button"
            className="column-grip"
            {...attributes}
            {...listeners}
            aria-label={`Move column: ${column.name}`}
            title="Drag to move (or press Space, then arrow keys)"
          >
            <GripIcon />
          </button>
        )}
        {nameDraft !== undefined ? (
          <InlineEdit
            label="Column name"
            className="column-name-input"
            validate={(text) => titleProblem(text, 'name')}
            value={nameDraft.text}
            onChange={(text) => store.typeDraft(nameKey, text)}
            onSave={saveName}
            onCancel={() => store.setDraft(nameKey, null)}
          />
        ) : (
          <div className="column-title">
            <h2 className="column-name" dir="auto">{column.name}</h2>
            {total === null ? (
              <span className="column-count">
                {tasks.length}
                <span className="visually-hidden">{tasks.length === 1 ? ' task' : ' tasks'}</span>
              </span>
            ) : (
              <span className="column-count column-count-filtered" title={`${tasks.length} of ${total} tasks match the filter`}>
                {tasks.length} of {total}
                <span className="visually-hidden">{total === 1 ? ' task matches the filter' : ' tasks match the filter'}</span>
              </span>
            )}
          </div>
        )}
        {editable && nameDraft === undefined && (
          <div className="column-actions">
            <button ref={renameButton} type="button" className="icon-button" aria-label={`Rename column: ${column.name}`} title="Rename" onClick={() => store.setDraft(nameKey, { text: column.name })}>
              <PencilIcon />
            </button>
            <button type="button" className="icon-button icon-button-danger" aria-label={`Delete column: ${column.name}`} title="Delete" onClick={() => void remove()}>
              <TrashIcon />
            </button>
          </div>
        )}
      </header>
      <SortableContext id={column.id} items={taskIds} strategy={verticalListSortingStrategy}>
        <ol ref={setListRef} className="column-tasks" aria-label={`Tasks in ${column.name}`}>
          {tasks.slice(0, rendered.count).map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              flash={flashes[task.id] === true}
              editors={editors.get(task.id) ?? ''}
              titleDraft={drafts[draftKey.taskTitle(task.id)]}
            />
          ))}
          {rendered.more && (
            <li ref={rendered.sentinel} className="column-more muted">
              Showing {rendered.count} of {tasks.length}; scroll for more.
            </li>
          )}
        </ol>
      </SortableContext>
      {total !== null && tasks.length === 0 && total > 0 && <p className="muted column-filtered-out">No task here matches the filter.</p>}
      {editable && <AddTask columnId={column.id} draft={drafts[draftKey.newTask(column.id)]} visible={visible} />}
    </section>
  );
});
