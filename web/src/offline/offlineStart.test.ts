// The app's start without a network, through the session as App drives it, over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ErrorCode } from '../api/errors';
import type { BoardSummary } from '../api/types';
import { ANA, BEN } from '../test/fixtures';

vi.mock('../api/queries', () => ({ fetchMe: vi.fn(), fetchBoards: vi.fn() }));
vi.mock('../api/auth', () => ({ login: vi.fn(), logout: vi.fn(), register: vi.fn() }));
vi.mock('../realtime/connection', () => ({
  realtime: { start: vi.fn(), stop: vi.fn(async () => undefined), onEvent: vi.fn(() => () => undefined), onConnected: vi.fn(() => () => undefined) },
}));
const { fetchMe } = await import('../api/queries');
const auth = await import('../api/auth');
const { realtime } = await import('../realtime/connection');
const { offlineRetryMs, restoreSession, session, signIn, signOut } = await import('../store/session');
const { boardList } = await import('../store/boardList');
const { closeUserData } = await import('./userData');
const { deleteLocalDb, lastUserId, localDbName, openLocalDb, rememberUser, saveBoardList, savedBoardList, savedUser } = await import('./localDb');

const launch: BoardSummary = { id: 'b1', name: 'Launch', role: 'OWNER', memberCount: 2 };
const network = () => new ApiError(ErrorCode.Network, 'Can’t reach the server.');

/** A browser where Ana signed in and saw her board list. */
async function anaWasHere(): Promise<void> {
  const db = await openLocalDb(ANA.id);
  await rememberUser(db, ANA);
  await saveBoardList(db, [launch]);
  db.close();
}

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

const signedInOffline = () => {
  const now = session.get();
  return now.status === 'signedIn' && now.offline === true;
};

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  });
  vi.stubGlobal('window', new EventTarget());
  vi.clearAllMocks();
  session.set({ status: 'loading' });
  boardList.set({ boards: null, error: null });
});

afterEach(async () => {
  closeUserData();
  session.set({ status: 'loading' }); // stops any retry still waiting
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await deleteLocalDb(ANA.id);
  await deleteLocalDb(BEN.id);
});

describe('opening the app without a network', () => {
  it('signs in the person who was here last, offline, with their kept board list and no live connection', async () => {
    await anaWasHere();
    localStorage.setItem('kanban:lastUser', ANA.id);
    vi.mocked(fetchMe).mockRejectedValue(network());

    await restoreSession();

    expect(session.get()).toEqual({ status: 'signedIn', user: ANA, offline: true });
    expect(boardList.get().boards).toEqual([launch]);
    expect(realtime.start).not.toHaveBeenCalled();
  });

  it('says it can’t reach the server when nobody was kept on this browser', async () => {
    vi.mocked(fetchMe).mockRejectedValue(network());
    await restoreSession();
    expect(session.get()).toEqual({ status: 'unreachable', retrying: false });
  });

  it('asks `me` again when the network is back, then goes on signed in with the live connection', async () => {
    await anaWasHere();
    localStorage.setItem('kanban:lastUser', ANA.id);
    vi.mocked(fetchMe).mockRejectedValueOnce(network()).mockResolvedValue(ANA);
    await restoreSession();
    expect(signedInOffline()).toBe(true);

    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.get()).toEqual({ status: 'signedIn', user: ANA }));
    expect(realtime.start).toHaveBeenCalledOnce();
  });

  it('asks again every few seconds while the browser is online but the server is down', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // fake-indexeddb runs on setImmediate
    await anaWasHere();
    localStorage.setItem('kanban:lastUser', ANA.id);
    vi.mocked(fetchMe).mockRejectedValue(network());
    await restoreSession();
    expect(fetchMe).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(offlineRetryMs);
    expect(fetchMe).toHaveBeenCalledTimes(2);
    expect(signedInOffline()).toBe(true);

    vi.mocked(fetchMe).mockResolvedValue(ANA);
    await vi.advanceTimersByTimeAsync(offlineRetryMs);
    expect(session.get()).toEqual({ status: 'signedIn', user: ANA });
  });

  it('goes to sign-in when the session ended meanwhile, deleting nothing', async () => {
    await anaWasHere();
    localStorage.setItem('kanban:lastUser', ANA.id);
    vi.mocked(fetchMe).mockRejectedValueOnce(network()).mockRejectedValue(new ApiError(ErrorCode.Unauthenticated, 'Not signed in.'));
    await restoreSession();
    expect(signedInOffline()).toBe(true);

    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.get()).toEqual({ status: 'signedOut' }));
    expect(boardList.get().boards).toBeNull();

    const db = await openLocalDb(ANA.id);
    expect(await savedUser(db)).toEqual(ANA);
    expect(await savedBoardList(db)).toEqual([launch]);
    db.close();
  });

  it('shows another person who signs in nothing of the one before', async () => {
    await anaWasHere();
    localStorage.setItem('kanban:lastUser', ANA.id);
    vi.mocked(fetchMe).mockRejectedValueOnce(network()).mockRejectedValueOnce(new ApiError(ErrorCode.Unauthenticated, 'Not signed in.'));
    await restoreSession();
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.get().status).toBe('signedOut'));

    vi.mocked(fetchMe).mockResolvedValue(BEN);
    await signIn('ben@example.test', 'secret');
    expect(session.get()).toEqual({ status: 'signedIn', user: BEN });
    expect(boardList.get().boards).toBeNull();
    await vi.waitFor(() => expect(lastUserId()).toBe(BEN.id));
    const bens = await openLocalDb(BEN.id);
    expect(await savedBoardList(bens)).toBeUndefined();
    bens.close();
  });
});

describe('signing out', () => {
  it('deletes the user’s local database and the mark of who was here', async () => {
    vi.mocked(fetchMe).mockResolvedValue(ANA);
    await restoreSession();
    await vi.waitFor(() => expect(lastUserId()).toBe(ANA.id));
    expect(await databases()).toContain(localDbName(ANA.id));

    vi.mocked(auth.logout).mockResolvedValue();
    await signOut();
    expect(await databases()).not.toContain(localDbName(ANA.id));
    expect(lastUserId()).toBeNull();
  });
});
