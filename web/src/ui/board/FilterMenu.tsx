import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ChevronDownIcon } from '../NavIcons';

export interface FilterOption {
  value: string;
  label: string;
  /** Drawn before the label (a colour swatch, an avatar). */
  mark?: ReactNode;
}

interface FilterMenuProps {
  /** The button's text, e.g. "Labels". */
  title: string;
  options: readonly FilterOption[];
  selected: readonly string[];
  onChange(selected: string[]): void;
  /** Said when there is nothing to choose from. */
  emptyText: string;
}

/**
 * A button that opens a list of checkboxes (a disclosure, not a menu: Tab moves through
 * the boxes, Space ticks them). Escape or a click elsewhere closes it.
 */
export function FilterMenu({ title, options, selected, onChange, emptyText }: FilterMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const count = selected.filter((value) => options.some((o) => o.value === value)).length;

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <div
      ref={root}
      className="filter-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`button button-small ${count > 0 ? 'filter-menu-on' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        // Named apart from the board's other "Labels" button (the label manager).
        aria-label={count > 0 ? `${title} filter, ${count} chosen` : `${title} filter`}
        onClick={() => setOpen(!open)}
      >
        {title}
        {count > 0 && <span className="filter-menu-count" aria-hidden="true">{count}</span>}
        <ChevronDownIcon />
      </button>
      <div id={panelId} className="filter-menu-panel" role="group" aria-label={title} hidden={!open}>
        {options.length === 0 && <p className="muted filter-menu-empty">{emptyText}</p>}
        {options.map((option) => (
          <label key={option.value} className="filter-menu-option">
            <input type="checkbox" checked={selected.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
            {option.mark}
            <span dir="auto">{option.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
