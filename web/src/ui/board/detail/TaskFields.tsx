// The task dialog's labels, assignees and due date: each change is sent at once.
import { useState } from 'react';
import type { Task } from '../../../api/types';
import type { BoardState } from '../../../store/boardState';
import { setDueDate, setTaskAssignee, setTaskLabel } from '../../../store/mutations';
import { orderedLabels } from '../../../store/taskDetail';
import { Avatar } from '../../Avatar';
import { useBoardContext } from '../BoardContext';
import { DueBadge } from './CardDetails';
import { LabelChip } from './LabelChip';
import { LabelManager } from './LabelManager';
import { PickerField } from './PickerField';

export function TaskFields({ task, board }: { task: Task; board: BoardState }) {
  const { store, me, editable } = useBoardContext();
  const [managing, setManaging] = useState(false);
  const labels = orderedLabels(board);
  const chosenLabels = labels.filter((l) => task.labelIds.includes(l.id));
  const members = Object.values(board.members).sort((a, b) => a.user.name.localeCompare(b.user.name));
  const assignees = task.assigneeIds.map((id) => board.members[id]?.user).filter((u) => u !== undefined);

  return (
    <div className="detail-fields">
      <PickerField
        title="Labels"
        empty="No labels."
        chosen={task.labelIds}
        summary={
          <ul className="chip-list" aria-label="Labels of this task">
            {chosenLabels.map((l) => (
              <li key={l.id}>
                <LabelChip label={l} />
              </li>
            ))}
          </ul>
        }
        options={labels.map((l) => ({ id: l.id, name: l.name, render: <LabelChip label={l} /> }))}
        onToggle={editable ? (id, on) => void setTaskLabel(store, task.id, id, on) : null}
        noOptions={<p className="muted">This board has no labels yet. Create one with “Manage labels”.</p>}
        footer={
          <button type="button" className="button button-small" onClick={() => setManaging(true)}>
            Manage labels…
          </button>
        }
      />
      {managing && <LabelManager board={board} onClose={() => setManaging(false)} />}

      <PickerField
        title="Assignees"
        empty="Nobody is assigned."
        chosen={task.assigneeIds}
        summary={
          <ul className="chip-list" aria-label="Assigned to">
            {assignees.map((u) => (
              <li key={u.id} className="assignee">
                <Avatar user={u} size="sm" />
                <span dir="auto">{u.id === me.id ? `${u.name} (you)` : u.name}</span>
              </li>
            ))}
          </ul>
        }
        options={members.map((m) => ({
          id: m.user.id,
          name: m.user.id === me.id ? `${m.user.name} (you)` : m.user.name,
          render: (
            <span className="assignee">
              <Avatar user={m.user} size="sm" />
              <span dir="auto">{m.user.id === me.id ? `${m.user.name} (you)` : m.user.name}</span>
            </span>
          ),
        }))}
        onToggle={editable ? (id, on) => void setTaskAssignee(store, task.id, id, on) : null}
      />

      <DueDateField task={task} />
    </div>
  );
}

function DueDateField({ task }: { task: Task }) {
  const { store, editable } = useBoardContext();
  const [problem, setProblem] = useState<string | null>(null);
  if (!editable) {
    return (
      <section className="detail-field">
        <h3 className="field-label">Due date</h3>
        {task.dueDate ? <DueBadge dueDate={task.dueDate} long /> : <p className="muted detail-empty">No due date.</p>}
      </section>
    );
  }
  return (
    <section className="detail-field">
      <div className="detail-field-head">
        <label className="field-label" htmlFor={`due-${task.id}`}>
          Due date
        </label>
        {task.dueDate && <DueBadge dueDate={task.dueDate} long />}
      </div>
      <div className="due-row">
        {/* Uncontrolled: a half-typed date must not be wiped; the store's date re-keys it. */}
        <input
          key={task.dueDate ?? 'none'}
          id={`due-${task.id}`}
          className="input due-input"
          type="date"
          defaultValue={task.dueDate ?? ''}
          aria-describedby={problem ? `due-${task.id}-problem` : undefined}
          onChange={(e) => {
            const value = e.target.value;
            // Empty while a date is half typed: only "Clear" clears it.
            if (!value) return;
            if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
              setProblem('Pick a whole date (day, month and year).');
              return;
            }
            setProblem(null);
            if (value !== task.dueDate) void setDueDate(store, task.id, value);
          }}
        />
        {task.dueDate && (
          <button type="button" className="button button-small" onClick={() => void setDueDate(store, task.id, null)}>
            Clear due date
          </button>
        )}
      </div>
      {problem && (
        <p id={`due-${task.id}-problem`} className="field-error">
          {problem}
        </p>
      )}
    </section>
  );
}
