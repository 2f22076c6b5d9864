import { useSmallStore } from '../lib/smallStore';
import { CloseIcon } from './Icon';
import { dismissToast, toasts } from './toasts';

export function Toasts() {
  const list = useSmallStore(toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <span dir="auto">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="button button-small toast-action"
              onClick={() => {
                dismissToast(toast.id);
                toast.action!.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
