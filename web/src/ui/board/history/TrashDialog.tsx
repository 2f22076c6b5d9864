import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchTrash } from '../../../api/history';
import type { TrashItem } from '../../../api/types';
import { coalesce } from '../../../lib/coalesce';
import { restoreColumn, restoreTask } from '../../../store/mutations';
import { Dialog } from '../../Dialog';
import { useNow } from '../../time';
import { useBoardContext } from '../BoardContext';
import { deletedLine, restoreProblem, tasksWith, withoutItem } from './trashText';

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}

type Listing = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: TrashItem[] };

/**
 * The board's deleted tasks and columns, newest first, kept current while open; EDITORs and
 * OWNERs restore them (a column with the tasks deleted with it), VIEWERs only see the list.
 */
export function TrashDialog({ onClose }: { onClose(): void }) {
  const { store, me, editable } = useBoardContext();
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [busy, setBusy] = useState<Record<string, true>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const now = useNow();

  const load = useMemo(
    () =>
      coalesce(async () => {
        try {
          setListing({ status: 'ready', items: await fetchTrash(store.boardId) });
        } catch (error) {
          console.warn('loading the trash failed', error);
          setListing((current) => (current.status === 'ready' ? current : { status: 'failed' }));
        }
      }),
    [store.boardId],
  );

  // Someone else deletes or restores while it is open: the list follows the board's changes.
  useEffect(() => {
    void load();
    let seq = store.seq;
    return store.subscribe(() => {
      if (store.seq === seq) return;
      seq = store.seq;
      void load();
    });
  }, [store, load]);

  const restore = useCallback(
    async (item: TrashItem) => {
      setBusy((b) => ({ ...b, [item.id]: true }));
      setProblems((p) => without(p, item.id));
      let problem: string | null = null;
      const onError = (error: unknown) => {
        problem = restoreProblem(error);
        return true;
      };
      const restored = item.kind === 'task' ? await restoreTask(store, item.id, item.title, onError) : await restoreColumn(store, item.id, item.title, onError);
      setBusy((b) => without(b, item.id));
      if (restored) setListing((l) => (l.status === 'ready' ? { ...l, items: withoutItem(l.items, item.id) } : l));
      else if (problem) setProblems((p) => ({ ...p, [item.id]: problem! }));
    },
    [store],
  );

  return (
    <Dialog title="Trash" onClose={onClose} className="dialog-wide">
      <p className="muted">
        Deleted tasks and columns wait here before they are removed for good (after 30 days unless the server says otherwise).
        {editable ? ' Restore puts an item back where it was, or at the end when its place is gone.' : ' Editors and owners can restore them.'}
      </p>
      {listing.status === 'loading' && (
        <p className="muted" role="status">
          Loading the trash…
        </p>
      )}
      {listing.status === 'failed' && (
        <p className="form-error" role="alert">
          Couldn’t load the trash. Check your connection, then{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            try again
          </button>
          .
        </p>
      )}
      {listing.status === 'ready' && listing.items.length === 0 && <p className="muted detail-empty">The trash is empty.</p>}
      {listing.status === 'ready' && listing.items.length > 0 && (
        <ul className="trash-list" aria-label="Deleted items">
          {listing.items.map((item) => {
            const extra = tasksWith(item);
            return (
              <li key={item.id} className="trash-item" aria-label={`${item.kind === 'task' ? 'Task' : 'Column'} ${item.title}`}>
                <div className="trash-main">
                  <p className="trash-title">
                    <span className={`trash-kind trash-kind-${item.kind}`}>{item.kind === 'task' ? 'Task' : 'Column'}</span> <strong dir="auto">{item.title}</strong>
                  </p>
                  <p className="muted trash-meta">
                    {deletedLine(item, me.id, now)}
                    {extra && ` · ${extra}`}
                  </p>
                  {problems[item.id] && (
                    <p className="form-error" role="alert">
                      Couldn’t restore it. {problems[item.id]}
                    </p>
                  )}
                </div>
                {editable && (
                  <button type="button" className="button button-small" disabled={busy[item.id]} onClick={() => void restore(item)}>
                    {busy[item.id] ? 'Restoring…' : 'Restore'}
                    <span className="visually-hidden"> {item.title}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
