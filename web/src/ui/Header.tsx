import { useState, type ReactNode } from 'react';
import { describeError } from '../api/errors';
import type { User } from '../api/types';
import { Link } from '../routing/Link';
import { myTasksPath, usePath } from '../routing/router';
import { rename, signOut } from '../store/session';
import { Avatar } from './Avatar';
import { HeaderSearch } from './HeaderSearch';
import { BoardIcon } from './Icon';
import { InlineEdit } from './InlineEdit';
import { titleProblem } from '../lib/limits';
import { showToast } from './toasts';
import { SyncStatus } from './SyncStatus';
import { confirmAction } from './confirm';
import { currentOutbox } from '../offline/currentOutbox';

export function Header({ user, children }: { user: User; children?: ReactNode }) {
  const [name, setName] = useState<string | null>(null);
  const onMyTasks = usePath() === myTasksPath;

  const save = (value: string) => {
    setName(null);
    if (value.trim() && value.trim() !== user.name) rename(value).catch((e) => showToast(`Couldn’t change your name. ${describeError(e)}`));
  };

  return (
    <header className="topbar">
      <Link href="/" className="brand" aria-label="Kanban: all boards">
        <BoardIcon size={20} />
        <span className="brand-name">Kanban</span>
      </Link>
      <nav className="topbar-nav" aria-label="Main">
        <Link href={myTasksPath} className="topbar-link" aria-current={onMyTasks ? 'page' : undefined}>
          My tasks
        </Link>
      </nav>
      <div className="topbar-main">
        <HeaderSearch />
        {children}
      </div>
      <SyncStatus />
      <div className="topbar-user">
        <Avatar user={user} size="sm" />
        {name !== null ? (
          <InlineEdit label="Your display name" className="topbar-name-input" validate={(text) => titleProblem(text, 'name')} value={name} onChange={setName} onSave={save} onCancel={() => setName(null)} />
        ) : (
          <button type="button" className="topbar-name link-button-plain" dir="auto" title="Change your display name" onClick={() => setName(user.name)}>
            {user.name}
          </button>
        )}
        <button type="button" className="button button-ghost button-small" onClick={() => void signOutUnlessUnsent()}>
          Sign out
        </button>
      </div>
    </header>
  );
}

/** Signing out deletes what this device kept, the changes not yet sent too: asked first. */
async function signOutUnlessUnsent(): Promise<void> {
  const unsent = currentOutbox().entries().length;
  if (unsent > 0) {
    const what = unsent === 1 ? '1 change hasn’t' : `${unsent} changes haven’t`;
    const ok = await confirmAction('Sign out?', `${what} reached the server yet. Signing out deletes them from this device.`, 'Sign out and delete them');
    if (!ok) return;
  }
  await signOut();
}
