import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CloseIcon } from './Icon';

interface DialogProps {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Extra class for sizing (e.g. "dialog-wide"). */
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser keeps focus inside, Escape closes it, and
 * focus goes back where it was. Clicking the backdrop closes it too.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // React passes a dialog's cancel up its component tree: a dialog opened from this
        // one (the label manager from the task) closes itself, not this one too.
        if (event.target !== ref.current) return;
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog-body">
        <header className="dialog-header">
          <h2 id={titleId} className="dialog-title" dir="auto">
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" title="Close" onClick={() => onClose()}>
            <CloseIcon />
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
