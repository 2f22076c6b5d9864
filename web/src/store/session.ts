// Who is signed in. The cookie is the session; `me` tells whether it is still good.
import * as auth from '../api/auth';
import { updateProfile } from '../api/commands';
import { ApiError, isApiError, ErrorCode } from '../api/errors';
import { onUnauthenticated } from '../api/graphql';
import { fetchMe } from '../api/queries';
import { openOutbox } from '../offline/currentOutbox';
import type { User } from '../api/types';
import { smallStore } from '../lib/smallStore';
import { realtime } from '../realtime/connection';
import { boardList } from './boardList';

export type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: User }
  /** The server gave no answer (offline, or it is down): whether the cookie is a session is not known yet. */
  | { status: 'unreachable'; retrying: boolean };

export const session = smallStore<Session>({ status: 'loading' });

async function signedIn(user: User): Promise<void> {
  // The user's outbox first: a board opened next shows what still waits in it.
  await openOutbox(user.id);
  session.set({ status: 'signedIn', user });
  realtime.start();
}

function signedOut(): void {
  void realtime.stop();
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
    else if (isApiError(error, ErrorCode.Network)) {
      session.set({ status: 'unreachable', retrying: false });
      whenOnline(retrySession);
    } else {
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
  try {
    await auth.logout();
  } finally {
    signedOut();
  }
}

export async function rename(name: string): Promise<void> {
  const user = await updateProfile(name.trim());
  session.set({ status: 'signedIn', user });
}
