// Who is signed in. The cookie is the session; `me` tells whether it is still good.
import * as auth from '../api/auth';
import { updateProfile } from '../api/commands';
import { ApiError, isApiError, ErrorCode } from '../api/errors';
import { onUnauthenticated } from '../api/graphql';
import { fetchMe } from '../api/queries';
import type { User } from '../api/types';
import { smallStore } from '../lib/smallStore';
import { closeOutbox, openOutbox } from '../offline/currentOutbox';
import { keptSession } from '../offline/offlineStart';
import { closeUserData, forgetUserData, rememberSignedIn } from '../offline/userData';
import { realtime } from '../realtime/connection';
import { boardList } from './boardList';

export type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  /** `offline`: opened from what this device kept, while the server cannot be reached. */
  | { status: 'signedIn'; user: User; offline?: boolean }
  /** The server gave no answer (offline, or it is down): whether the cookie is a session is not known yet. */
  | { status: 'unreachable'; retrying: boolean };

export const session = smallStore<Session>({ status: 'loading' });

/** Signed in from what this device kept, the server not reached yet. */
export const isOfflineSession = (s: Session): boolean => s.status === 'signedIn' && s.offline === true;

async function signedIn(user: User): Promise<void> {
  const was = session.get();
  // Another person than the one opened offline: nothing of theirs stays on screen.
  if (was.status === 'signedIn' && was.user.id !== user.id) boardList.set({ boards: null, error: null });
  // The user's outbox first: a board opened next shows what still waits in it.
  await openOutbox(user.id);
  session.set({ status: 'signedIn', user });
  void rememberSignedIn(user);
  realtime.start();
}

function signedOut(): void {
  void realtime.stop();
  closeOutbox();
  closeUserData();
  boardList.set({ boards: null, error: null });
  session.set({ status: 'signedOut' });
}

onUnauthenticated(() => {
  if (session.get().status === 'signedIn') signedOut();
});

/**
 * At start: is the cookie still a session? Without an answer (offline, the server down) the
 * person is not sent to the sign-in page: the app says it cannot reach the server and asks again
 * when the browser is back online, or when they press "Try again".
 */
export async function restoreSession(): Promise<void> {
  try {
    await signedIn(await fetchMe());
  } catch (error) {
    if (isApiError(error, ErrorCode.Unauthenticated)) signedOut();
    else if (isApiError(error, ErrorCode.Network)) await openOffline();
    else {
      session.set({ status: 'signedOut' });
      throw error;
    }
  }
}

/** Asks the server again after it could not be reached; a no-op once the answer is known. */
export async function retrySession(): Promise<void> {
  if (session.get().status !== 'unreachable') return;
  session.set({ status: 'unreachable', retrying: true });
  await restoreSession();
}

function whenOnline(then: () => Promise<void>): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('online', () => void then(), { once: true });
}

/** How often an app opened offline asks the server again while the browser thinks it is online (the server was down). */
export const offlineRetryMs = 5000;

/**
 * The server did not answer: the person who signed in last on this browser gets their boards
 * as this device kept them, until `me` answers (then the app goes on as signed in, or to the
 * sign-in page if the session ended). Without anyone kept, the app says it can't reach the server.
 */
async function openOffline(): Promise<void> {
  if (!isOfflineSession(session.get())) {
    const kept = await keptSession();
    if (!kept) {
      session.set({ status: 'unreachable', retrying: false });
      whenOnline(retrySession);
      return;
    }
    boardList.set({ boards: kept.boards, error: null });
    // What waited to be sent is shown on the boards, and goes when the server answers.
    await openOutbox(kept.user.id);
    session.set({ status: 'signedIn', user: kept.user, offline: true });
  }
  askAgainLater();
}

function askAgainLater(): void {
  if (typeof window === 'undefined') return;
  const again = () => {
    window.removeEventListener('online', again);
    clearTimeout(timer);
    if (isOfflineSession(session.get())) void restoreSession();
  };
  window.addEventListener('online', again);
  const timer = setTimeout(again, offlineRetryMs);
}

export async function signIn(email: string, password: string): Promise<void> {
  await auth.login(email.trim(), password);
  const user = await fetchMe();
  await signedIn(user);
}

export async function signUp(email: string, password: string, name: string): Promise<void> {
  await auth.register(email.trim(), password);
  try {
    await auth.login(email.trim(), password);
  } catch (error) {
    // Registering an email that has an account answers like a new one (so that nobody learns who
    // has one) and changes nothing; the sign-in that follows is where it shows.
    if (isApiError(error, ErrorCode.Unauthenticated)) {
      throw new ApiError(
        ErrorCode.Unauthenticated,
        'This email may already have an account. Sign in with its password instead, or use another email.',
      );
    }
    throw error;
  }
  let user = await fetchMe();
  if (name.trim() && name.trim() !== user.name) user = await updateProfile(name.trim());
  await signedIn(user);
}

export async function signOut(): Promise<void> {
  const was = session.get();
  try {
    await auth.logout();
  } finally {
    signedOut();
    // Nothing of theirs stays on this browser, not even which account was here.
    if (was.status === 'signedIn') await forgetUserData(was.user.id);
  }
}

export async function rename(name: string): Promise<void> {
  const user = await updateProfile(name.trim());
  session.set({ status: 'signedIn', user });
}
