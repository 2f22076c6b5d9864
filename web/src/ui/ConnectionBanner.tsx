import { useSmallStore } from '../lib/smallStore';
import { connectionStatus } from '../realtime/connection';

/** Says when live updates are paused; the board keeps working over HTTP meanwhile. */
export function ConnectionBanner() {
  const status = useSmallStore(connectionStatus);
  if (status !== 'reconnecting') return null;
  return (
    <div className="banner" role="status">
      <span className="banner-dot" aria-hidden="true" />
      Reconnecting… Your changes are still saved; others’ changes may arrive late.
    </div>
  );
}
