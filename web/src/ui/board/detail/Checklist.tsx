// A task's checklist: add, tick, reword, delete, and reorder by mouse, touch or keyboard.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChecklistItem, Task } from '../../../api/types';
import { checklistTextProblem } from '../../../lib/limits';
import { addChecklistItem, deleteChecklistItem, moveChecklistItem, updateChecklistItem } from '../../../store/mutations';
import { ArrowDownIcon, ArrowUpIcon, GripIcon, PencilIcon, TrashIcon } from '../../Icon';
import { InlineEdit } from '../../InlineEdit';
import { useBoardContext } from '../BoardContext';

export function Checklist({ task }: { task: Task }) {
  const { store, editable } = useBoardContext();
  const items = task.checklist;
  const done = items.filter((i) => i.done).length;
  const [announcement, setAnnouncement] = useState('');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const move = (item: ChecklistItem, index: number) => {
    if (index < 0 || index >= items.length || items[index].id === item.id) return;
    void moveChecklistItem(store, task.id, item.id, index);
    setAnnouncement(`Moved “${item.text}” to place ${index + 1} of ${items.length}.`);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = items.find((i) => i.id === active.id);
    const index = items.findIndex((i) => i.id === over?.id);
    if (item && index >= 0) move(item, index);
  };

  return (
    <section className="detail-section">
      <div className="detail-field-head">
        <h3 className="field-label">Checklist</h3>
        {items.length > 0 && (
          <span className="muted checklist-progress">
            {done}/{items.length} done
          </span>
        )}
      </div>
      {items.length > 0 && (
        <progress className="checklist-bar" max={items.length} value={done} aria-label={`${done} of ${items.length} done`} />
      )}
      {items.length === 0 && !editable && <p className="muted detail-empty">No checklist.</p>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ul className="checklist">
            {items.map((item, index) => (
              <ChecklistRow key={item.id} item={item} index={index} count={items.length} editable={editable} onMove={(to) => move(item, to)} />
            ))}
          </ul>
        </SortableContext>
      </DndContext>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {editable && <AddItem taskId={task.id} />}
    </section>
  );
}

interface RowProps {
  item: ChecklistItem;
  index: number;
  count: number;
  editable: boolean;
  onMove(index: number): void;
}

function ChecklistRow({ item, index, count, editable, onMove }: RowProps) {
  const { store } = useBoardContext();
  const [text, setText] = useState<string | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !editable || text !== null });

  // Alt+ArrowUp / Alt+ArrowDown anywhere in the row moves the item.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!editable || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(index + (event.key === 'ArrowUp' ? -1 : 1));
  };

  return (
    <li
      ref={setNodeRef}
      className={`checklist-item ${isDragging ? 'checklist-item-dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      onKeyDown={onKeyDown}
    >
      {editable && (
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="card-grip"
          {...attributes}
          {...listeners}
          aria-label={`Move item: ${item.text}`}
          title="Drag to reorder (or Alt+Arrow keys)"
        >
          <GripIcon />
        </button>
      )}
      <input
        type="checkbox"
        className="checklist-check"
        checked={item.done}
        disabled={!editable}
        aria-label={item.text}
        aria-keyshortcuts={editable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
        onChange={(e) => void updateChecklistItem(store, item.taskId, item.id, { done: e.target.checked })}
      />
      {text !== null ? (
        <InlineEdit
          label={`Edit item: ${item.text}`}
          value={text}
          validate={checklistTextProblem}
          onChange={setText}
          onSave={(value) => {
            setText(null);
            if (value.trim() !== item.text) void updateChecklistItem(store, item.taskId, item.id, { text: value });
          }}
          onCancel={() => setText(null)}
        />
      ) : (
        <span className={`checklist-text ${item.done ? 'checklist-done' : ''}`} dir="auto">
          {item.text}
        </span>
      )}
      {editable && text === null && (
        <span className="checklist-actions">
          <button type="button" className="icon-button" aria-label={`Move up: ${item.text}`} title="Move up (Alt+↑)" disabled={index === 0} onClick={() => onMove(index - 1)}>
            <ArrowUpIcon />
          </button>
          <button type="button" className="icon-button" aria-label={`Move down: ${item.text}`} title="Move down (Alt+↓)" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            <ArrowDownIcon />
          </button>
          <button type="button" className="icon-button" aria-label={`Edit item: ${item.text}`} title="Edit" onClick={() => setText(item.text)}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete item: ${item.text}`} title="Delete" onClick={() => void deleteChecklistItem(store, item.taskId, item.id)}>
            <TrashIcon />
          </button>
        </span>
      )}
    </li>
  );
}

function AddItem({ taskId }: { taskId: string }) {
  const { store } = useBoardContext();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const problemId = useId();
  const problem = checklistTextProblem(text);
  const shown = problem && (tried || text.trim() !== '') ? problem : null;

  // The field stays open and focused for the next item.
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      setTried(true);
      return;
    }
    setTried(false);
    void addChecklistItem(store, taskId, text);
    setText('');
  };

  return (
    <form className="inline-form checklist-add" onSubmit={add} noValidate>
      <input
        className="input"
        dir="auto"
        aria-label="New checklist item"
        placeholder="Add an item…"
        value={text}
        aria-invalid={shown !== null}
        aria-describedby={shown ? problemId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button">
        Add item
      </button>
      {shown && (
        <p id={problemId} className="field-error inline-form-error">
          {shown}
        </p>
      )}
    </form>
  );
}
