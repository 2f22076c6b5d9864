import { useId, useState } from 'react';
import type { User } from '../../api/types';
import type { BoardState } from '../../store/boardState';
import { isFilterOn, ME, type DueFilter, type TaskFilter } from '../../store/taskFilter';
import { FilterIcon } from '../NavIcons';
import { FilterMenu, type FilterOption } from './FilterMenu';

interface FilterBarProps {
  board: BoardState;
  me: User;
  filter: TaskFilter;
  /** `typing`: a keystroke in the text box (replaces the history entry instead of adding one). */
  onChange(filter: TaskFilter, typing?: boolean): void;
  shown: number;
  total: number;
}

const dueChoices: { value: DueFilter | ''; label: string }[] = [
  { value: '', label: 'Any due date' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'week', label: 'Due this week' },
  { value: 'none', label: 'No due date' },
];

/**
 * Narrows the cards on the board: text, labels, people, due date. On a phone it folds away
 * behind one button, which says how many kinds of filter are on.
 */
export function FilterBar({ board, me, filter, onChange, shown, total }: FilterBarProps) {
  const [open, setOpen] = useState(false);
  const controlsId = useId();
  const on = isFilterOn(filter);
  const kinds = [filter.text.trim() !== '', filter.labelIds.length > 0, filter.assignees.length > 0, filter.due !== null].filter(Boolean).length;

  const labelOptions: FilterOption[] = Object.values(board.labels)
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
    .map((label) => ({ value: label.id, label: label.name, mark: <span className={`filter-swatch swatch-${label.color.toLowerCase()}`} aria-hidden="true" /> }));
  const others = Object.values(board.members)
    .filter((m) => m.user.id !== me.id)
    .sort((a, b) => a.user.name.localeCompare(b.user.name));
  const peopleOptions: FilterOption[] = [{ value: ME, label: 'Me' }, ...others.map((m) => ({ value: m.user.id, label: m.user.name }))];
  // "Me" and my own id are the same person: show my id, if a link named it, as "Me".
  const assignees = filter.assignees.map((a) => (a === me.id ? ME : a));

  return (
    <div className={`filter-bar ${open ? 'filter-bar-open' : ''}`} role="search" aria-label="Filter tasks">
      <button type="button" className="button button-small filter-toggle" aria-expanded={open} aria-controls={controlsId} onClick={() => setOpen(!open)}>
        <FilterIcon /> Filter{kinds > 0 && <span className="filter-menu-count">{kinds}<span className="visually-hidden"> on</span></span>}
      </button>
      <div id={controlsId} className="filter-controls">
        <input
          type="search"
          className="input filter-text"
          aria-label="Filter by text in title or description"
          placeholder="Filter cards…"
          dir="auto"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value }, filter.text !== '' && e.target.value !== '')}
        />
        <FilterMenu
          title="Labels"
          options={labelOptions}
          selected={filter.labelIds}
          onChange={(labelIds) => onChange({ ...filter, labelIds })}
          emptyText="This board has no labels yet. Add them from a task."
        />
        <FilterMenu
          title="Assignees"
          options={peopleOptions}
          selected={assignees}
          onChange={(next) => onChange({ ...filter, assignees: next })}
          emptyText="Nobody to choose."
        />
        <select
          className="input select filter-due"
          aria-label="Filter by due date"
          value={filter.due ?? ''}
          onChange={(e) => onChange({ ...filter, due: (e.target.value || null) as DueFilter | null })}
        >
          {dueChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {on && (
          <button type="button" className="button button-small button-ghost" onClick={() => onChange({ text: '', labelIds: [], assignees: [], due: null })}>
            Clear filters
          </button>
        )}
      </div>
      <p className="filter-summary muted" role="status">
        {on ? (shown === 0 ? `None of the ${total} tasks match this filter.` : `Showing ${shown} of ${total} tasks.`) : ''}
      </p>
    </div>
  );
}
