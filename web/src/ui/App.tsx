import type { User } from '../api/types';
import { useSmallStore } from '../lib/smallStore';
import { parseRoute, usePath } from '../routing/router';
import { Link } from '../routing/Link';
import { session } from '../store/session';
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
      <Toasts />
      <ConfirmHost />
      <ConflictDialog />
    </>
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
