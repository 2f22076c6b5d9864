import { useSmallStore } from '../lib/smallStore';
import { CloseIcon } from './Icon';
import { dismissToast, toasts } from './toasts';

export function Toasts() {
  const list = useSmallStore(toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <span>{toast.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
