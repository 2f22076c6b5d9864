import type { User } from '../api/types';
import { useSmallStore } from '../lib/smallStore';
import { parseRoute, usePath } from '../routing/router';
import { Link } from '../routing/Link';
import { retrySession, session } from '../store/session';
import { AuthPage } from './AuthPage';
import { BoardPage } from './board/BoardPage';
import { BoardsPage } from './BoardsPage';
import { ConfirmHost } from './ConfirmHost';
import { ConflictDialog } from './ConflictDialog';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';
import { MyTasksPage } from './MyTasksPage';
import { Toasts } from './Toasts';

export function App() {
  const current = useSmallStore(session);
  return (
    <>
      {current.status === 'loading' && <p className="muted page-message">Loading…</p>}
      {current.status === 'signedOut' && <AuthPage />}
      {current.status === 'signedIn' && <SignedIn user={current.user} />}
      {current.status === 'unreachable' && <Unreachable retrying={current.retrying} />}
      <Toasts />
      <ConfirmHost />
      <ConflictDialog />
    </>
  );
}

/** The app opened (from the service worker's copy) but the server did not answer. */
function Unreachable({ retrying }: { retrying: boolean }) {
  return (
    <main className="page">
      <div className="empty" role="alert">
        <p>Can’t reach the server: you may be offline.</p>
        <p className="muted">Your boards will open as soon as the connection is back.</p>
        <button type="button" className="button" onClick={() => void retrySession()} disabled={retrying}>
          {retrying ? 'Trying…' : 'Try again'}
        </button>
      </div>
    </main>
  );
}

function SignedIn({ user }: { user: User }) {
  const route = parseRoute(usePath());
  return (
    <div className="app">
      <Header user={user} />
      <ConnectionBanner />
      {route.name === 'home' && <BoardsPage me={user} />}
      {route.name === 'board' && <BoardPage key={route.boardId} boardId={route.boardId} taskId={route.taskId} me={user} />}
      {route.name === 'myTasks' && <MyTasksPage />}
      {route.name === 'notFound' && (
        <main className="page">
          <div className="empty">
            <p>There is no page here.</p>
            <Link href="/" className="button">
              Back to your boards
            </Link>
          </div>
        </main>
      )}
    </div>
  );
}
