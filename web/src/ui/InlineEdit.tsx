import { useEffect, useRef, type KeyboardEvent } from 'react';

interface InlineEditProps {
  value: string;
  onChange(value: string): void;
  /** Enter (or leaving the field). */
  onSave(value: string): void;
  /** Escape. */
  onCancel(): void;
  label: string;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  /** Leaving the field saves (true) or cancels. */
  saveOnBlur?: boolean;
}

/** A one-line text field: Enter saves, Escape cancels. */
export function InlineEdit({ value, onChange, onSave, onCancel, label, placeholder, maxLength = 200, className, saveOnBlur = true }: InlineEditProps) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      done.current = true;
      onSave(value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      done.current = true;
      onCancel();
    }
  };

  return (
    <input
      ref={ref}
      className={`input ${className ?? ''}`}
      aria-label={label}
      placeholder={placeholder}
      maxLength={maxLength}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (done.current) return;
        if (saveOnBlur) onSave(value);
        else onCancel();
      }}
    />
  );
}
