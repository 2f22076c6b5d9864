import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface InlineEditProps {
  value: string;
  onChange(value: string): void;
  /** Enter (or leaving the field), when `validate` finds nothing wrong. */
  onSave(value: string): void;
  /** Escape. */
  onCancel(): void;
  label: string;
  placeholder?: string;
  className?: string;
  /** Leaving the field with text saves it, or keeps it open as it is (an empty one closes either way). */
  onLeave?: 'save' | 'keep';
  /**
   * What is wrong with the text, said next to the field (and to screen readers through
   * aria-describedby); null when it can be saved. Nothing is cut short: a long paste stays
   * as typed, with the reason it can't be saved.
   */
  validate?(value: string): string | null;
  /** Shown under the field while nothing is wrong, e.g. "Enter to add, Escape to cancel". */
  hint?: string;
}

/** A one-line text field: Enter saves, Escape cancels. */
export function InlineEdit({ value, onChange, onSave, onCancel, label, placeholder, className, onLeave = 'save', validate, hint }: InlineEditProps) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const messageId = useId();
  // An empty field is only an error once the user tries to save it.
  const [tried, setTried] = useState(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const problem = validate?.(value) ?? null;
  const shown = problem && (tried || value.trim() !== '') ? problem : null;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (problem) {
        setTried(true);
        return;
      }
      setTried(false);
      onSave(value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      done.current = true;
      onCancel();
    }
  };

  const message = shown ?? hint;
  return (
    <div className="inline-edit">
      <input
        ref={ref}
        className={`input ${className ?? ''}`}
        aria-label={label}
        aria-invalid={shown ? true : false}
        aria-describedby={message ? messageId : undefined}
        placeholder={placeholder}
        dir="auto"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (done.current) return;
          // Leaving an empty field goes back to what it was; a too-long one stays open with
          // its reason, so the paste is not lost.
          if (!value.trim()) onCancel();
          else if (!problem && onLeave === 'save') onSave(value);
        }}
      />
      {message && (
        <p id={messageId} className={shown ? 'field-error' : 'field-hint'}>
          {message}
        </p>
      )}
    </div>
  );
}
