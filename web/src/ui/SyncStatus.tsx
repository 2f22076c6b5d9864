import { useState } from 'react';
import { currentOutbox } from '../offline/currentOutbox';
import { useOutboxEntries } from '../offline/useOutboxEntries';
import { dropChange, keepMine, refusedChanges } from '../store/syncList';
import { Dialog } from './Dialog';

/** In the header: how many of this person's changes wait to be sent, and those the server refused. */
export function SyncStatus() {
  const entries = useOutboxEntries();
  const [open, setOpen] = useState(false);
  const waiting = entries.filter((e) => e.status === 'waiting').length;
  const refused = refusedChanges(entries);
  return (
    <div className="sync-status">
      {/* Always there, so that screen readers hear the count change. */}
      <span className="sync-waiting" role="status" aria-live="polite">
        {waiting > 0 && `${waiting} ${waiting === 1 ? 'change' : 'changes'} waiting`}
      </span>
      {refused.length > 0 && (
        <button type="button" className="button button-small sync-refused" onClick={() => setOpen(true)}>
          Couldn’t sync ({refused.length})
        </button>
      )}
      {open && <SyncDialog onClose={() => setOpen(false)} />}
    </div>
  );
}

function SyncDialog({ onClose }: { onClose(): void }) {
  const outbox = currentOutbox();
  const refused = refusedChanges(useOutboxEntries());
  return (
    <Dialog title="Couldn’t sync" onClose={onClose} className="dialog-wide">
      {refused.length === 0 ? (
        <p className="dialog-text">Every change is synced.</p>
      ) : (
        <p className="dialog-text">The server refused these changes, made while you were offline. For each: keep yours (sent again), take theirs, or discard it.</p>
      )}
      <ul className="sync-list">
        {refused.map((change) => (
          <li key={change.ref} className="sync-item" aria-label={change.what}>
            <h3 className="field-label">{change.what}</h3>
            <p className="muted">{change.why}</p>
            {(change.mine !== null || change.theirs !== null) && (
              <div className="conflict-sides">
                {change.theirs !== null && (
                  <figure className="conflict-side">
                    <figcaption>Theirs</figcaption>
                    <div className="conflict-text" dir="auto">{change.theirs || <span className="muted">(empty)</span>}</div>
                  </figure>
                )}
                {change.mine !== null && (
                  <figure className="conflict-side conflict-mine">
                    <figcaption>Yours</figcaption>
                    <div className="conflict-text" dir="auto">{change.mine || <span className="muted">(empty)</span>}</div>
                  </figure>
                )}
              </div>
            )}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => void dropChange(outbox, change.ref)}>
                Discard
              </button>
              {change.canKeepMine && (
                <>
                  <button type="button" className="button" onClick={() => void dropChange(outbox, change.ref)}>
                    Take theirs
                  </button>
                  <button type="button" className="button button-primary" onClick={() => void keepMine(outbox, change.ref)}>
                    Keep mine
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
