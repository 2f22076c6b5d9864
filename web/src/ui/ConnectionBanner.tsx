import { useSmallStore } from '../lib/smallStore';
import { connectionStatus } from '../realtime/connection';
import { isOfflineSession, session } from '../store/session';

/** Says when live updates are paused; the board keeps working over HTTP meanwhile. */
export function ConnectionBanner() {
  const status = useSmallStore(connectionStatus);
  const offline = isOfflineSession(useSmallStore(session));
  if (offline) {
    return (
      <div className="banner" role="status">
        <span className="banner-dot" aria-hidden="true" />
        You’re offline: your boards are shown as this device last saw them, and they update when the connection is back.
      </div>
    );
  }
  if (status !== 'reconnecting') return null;
  return (
    <div className="banner" role="status">
      <span className="banner-dot" aria-hidden="true" />
      Reconnecting… Your changes are still saved; others’ changes may arrive late.
    </div>
  );
}
