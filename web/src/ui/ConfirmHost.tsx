import { useSmallStore } from '../lib/smallStore';
import { confirmRequest } from './confirm';
import { Dialog } from './Dialog';

export function ConfirmHost() {
  const request = useSmallStore(confirmRequest);
  if (!request) return null;
  return (
    <Dialog title={request.title} onClose={() => request.resolve(false)} className="dialog-small">
      <p className="dialog-text">{request.message}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => request.resolve(false)} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => request.resolve(true)}>
          {request.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
