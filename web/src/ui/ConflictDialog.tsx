import { useSmallStore } from '../lib/smallStore';
import { openConflict } from '../store/conflicts';
import { Dialog } from './Dialog';

/** Someone changed a task while this user edited it: keep mine, or take theirs. */
export function ConflictDialog() {
  const conflict = useSmallStore(openConflict);
  if (!conflict) return null;
  const { theirs, mine } = conflict;
  const rows = [
    mine.title !== undefined && { field: 'Title', theirs: theirs.title, mine: mine.title },
    mine.description !== undefined && { field: 'Description', theirs: theirs.description, mine: mine.description },
  ].filter((r): r is { field: string; theirs: string; mine: string } => Boolean(r));

  return (
    <Dialog title="This task changed while you were editing" onClose={conflict.takeTheirs} className="dialog-wide">
      <p className="dialog-text">Someone else saved this task after you started editing. Keep yours (it replaces theirs) or take theirs (yours is dropped). Closing this dialog takes theirs.</p>
      {rows.map((row) => (
        <div key={row.field} className="conflict">
          <h3 className="field-label">{row.field}</h3>
          <div className="conflict-sides">
            <figure className="conflict-side">
              <figcaption>Theirs</figcaption>
              <div className="conflict-text" dir="auto">{row.theirs || <span className="muted">(empty)</span>}</div>
            </figure>
            <figure className="conflict-side conflict-mine">
              <figcaption>Yours</figcaption>
              <div className="conflict-text" dir="auto">{row.mine || <span className="muted">(empty)</span>}</div>
            </figure>
          </div>
        </div>
      ))}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={conflict.takeTheirs}>
          Take theirs
        </button>
        <button type="button" className="button button-primary" onClick={conflict.keepMine}>
          Keep mine
        </button>
      </div>
    </Dialog>
  );
}
