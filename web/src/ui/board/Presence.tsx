import type { Viewer } from '../../realtime/events';
import { Avatar } from '../Avatar';

/** The people who have this board open now. */
export function Presence({ viewers, meId }: { viewers: readonly Viewer[]; meId: string }) {
  const sorted = [...viewers].sort((a, b) => Number(b.user.id === meId) - Number(a.user.id === meId) || a.user.name.localeCompare(b.user.name));
  if (sorted.length === 0) return null;
  const shown = sorted.slice(0, 5);
  return (
    <div className="presence" aria-label="On this board now">
      {shown.map((viewer) => (
        <Avatar key={viewer.user.id} user={viewer.user} />
      ))}
      {sorted.length > shown.length && (
        <span className="avatar avatar-md avatar-more" role="img" aria-label={`and ${sorted.length - shown.length} more: ${sorted.slice(5).map((v) => v.user.name).join(', ')}`} title={sorted.slice(5).map((v) => v.user.name).join(', ')}>
          +{sorted.length - shown.length}
        </span>
      )}
    </div>
  );
}
