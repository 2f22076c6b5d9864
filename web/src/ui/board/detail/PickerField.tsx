import { useId, useState, type ReactNode } from 'react';

export interface PickerOption {
  id: string;
  /** What the option reads as (a label's name, a member's name). */
  name: string;
  /** How it shows beside its checkbox. */
  render: ReactNode;
}

interface PickerFieldProps {
  title: string;
  /** What is chosen, as it shows when the list is closed. */
  summary: ReactNode;
  /** Shown when nothing is chosen. */
  empty: string;
  options: PickerOption[];
  chosen: readonly string[];
  /** Null for a read-only field (a VIEWER). */
  onToggle: ((id: string, on: boolean) => void) | null;
  /** Shown under the list, e.g. "Manage labels…". */
  footer?: ReactNode;
  /** Shown in the list when there are no options at all. */
  noOptions?: ReactNode;
}

/** A field of a task chosen from a list (labels, assignees): shown, and changed with checkboxes. */
export function PickerField({ title, summary, empty, options, chosen, onToggle, footer, noOptions }: PickerFieldProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <section className="detail-field">
      <div className="detail-field-head">
        <h3 className="field-label">{title}</h3>
        {onToggle && (
          <button type="button" className="link-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            {open ? 'Done' : `Change ${title.toLowerCase()}`}
          </button>
        )}
      </div>
      {chosen.length > 0 ? summary : <p className="muted detail-empty">{empty}</p>}
      {onToggle && open && (
        <div id={listId} className="picker">
          {options.length === 0 && noOptions}
          <ul className="picker-list">
            {options.map((option) => (
              <li key={option.id}>
                <label className="picker-option">
                  <input type="checkbox" checked={chosen.includes(option.id)} onChange={(e) => onToggle(option.id, e.target.checked)} aria-label={option.name} />
                  {option.render}
                </label>
              </li>
            ))}
          </ul>
          {footer}
        </div>
      )}
    </section>
  );
}
