import type { BoardStore } from '../../store/boardStore';
import { undoChange } from '../../store/mutations';
import type { Change } from '../../store/undo';
import { showToast } from '../toasts';

/** Once a delete is done: "Task “Fix login” deleted", with an Undo that restores it (the same path as Ctrl+Z). */
export function toastDeleted(store: BoardStore, deleted: Promise<Change | undefined>): void {
  void deleted.then((change) => {
    if (change?.kind !== 'taskPresence' && change?.kind !== 'columnPresence') return;
    const message = change.kind === 'taskPresence' ? `Task “${change.title}” deleted.` : `Column “${change.name}” deleted.`;
    showToast(message, 'info', 10_000, { label: 'Undo', run: () => void undoChange(store, change.id) });
  });
}
