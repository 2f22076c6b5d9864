import { useEffect, useState, useSyncExternalStore } from 'react';
import { clientId } from '../api/clientId';
import { describeError, ErrorCode, isApiError } from '../api/errors';
import { fetchBoard, fetchBoardEvents } from '../api/queries';
import { connectionStatus, hubErrorCode, realtime } from '../realtime/connection';
import { EventName } from '../realtime/events';
import { showToast } from '../ui/toasts';
import { currentOutbox } from '../offline/currentOutbox';
import { BoardStore, type BoardView } from './boardStore';
import { waitingCreate, whenCreated } from './createdHere';
import { isOfflineSession, session } from './session';

/** How often a board whose live connection is down asks the log for news. */
const pollMs = 4000;

/**
 * Opens a board for as long as the component lives: its store, filled by the board query
 * and by JoinBoard on every (re)connect, then by pushed events; polling the event log while
 * the connection is down. Everything is undone on unmount.
 */
export function useBoardSession(boardId: string, meId: string): BoardStore | null {
  const [store, setStore] = useState<BoardStore | null>(null);

  useEffect(() => {
    const store = new BoardStore(boardId, meId, { clientId, fetchEvents: fetchBoardEvents, fetchBoard });
    // The store lives exactly as long as this effect (StrictMode mounts twice; each gets its own).
    // oxlint-disable-next-line react/set-state-in-effect
    setStore(store);

    // A board created here, its create not sent yet: the server has no such board until then.
    const outbox = currentOutbox();
    const creating = () => waitingCreate(outbox, boardId) !== undefined;

    // The board query in flight, if any. A join waits for it and then asks only for what came
    // after: otherwise every page load would have the server send the whole board twice (the
    // query's answer and the join's snapshot), and the page parse and apply it twice.
    let loading: Promise<void> | null = null;
    let closed = false;
    const load = () => {
      if (creating()) return;
      const request = fetchBoard(boardId)
        .then((snapshot) => store.loadSnapshot(snapshot))
        .catch((error) => {
          if (isApiError(error, ErrorCode.Forbidden) || isApiError(error, ErrorCode.NotFound)) store.markMissing();
          else if (store.seq === null) showToast(`Couldn’t load the board. ${describeError(error)}`);
        })
        .finally(() => {
          if (loading === request) loading = null;
        });
      loading = request;
    };
    // Opened offline, the board comes from this device (useKeptBoard) and JoinBoard catches it up
    // once online; one this device never kept loads then.
    let offline = isOfflineSession(session.get());
    if (!offline) load();
    const offSession = session.subscribe(() => {
      if (offline && !isOfflineSession(session.get()) && store.seq === null) load();
      offline = isOfflineSession(session.get());
    });

    const join = async () => {
      if (creating()) return;
      if (loading) await loading;
      if (closed) return;
      const afterSeq = store.seq;
      try {
        const result = await realtime.joinBoard(boardId, afterSeq);
        // A snapshot for a store that had state means the log could not catch it up: replace.
        if (result.snapshot) store.loadSnapshot(result.snapshot, afterSeq !== null);
        store.receive(result.events);
        store.noteLatestSeq(result.seq);
        store.setPresence(result.presence ?? []);
      } catch (error) {
        const code = hubErrorCode(error);
        if (code === 'FORBIDDEN' || code === 'NOT_FOUND') store.markMissing();
      }
    };
    const offConnected = realtime.onConnected(() => void join());
    if (realtime.isConnected()) void join();
    // Its create answered, the board is the server's: load and join it as any other.
    const offCreated = whenCreated(outbox, boardId, (created) => {
      if (!created) store.markMissing();
      else {
        load();
        if (realtime.isConnected()) void join();
      }
    });

    const offEvent = realtime.onEvent((event) => {
      if (event.boardId !== boardId) return;
      if (event.type === EventName.PresenceChanged) store.setPresence(event.viewers);
      else store.receive([event]);
    });

    // Presence is only known while connected; stale faces would mislead.
    const offStatus = connectionStatus.subscribe(() => {
      if (connectionStatus.get() !== 'connected') store.setPresence([]);
    });

    const poll = setInterval(() => {
      if (connectionStatus.get() !== 'connected' && store.seq !== null && !creating()) void store.catchUp();
    }, pollMs);

    return () => {
      closed = true;
      offConnected();
      offCreated();
      offSession();
      offEvent();
      offStatus();
      clearInterval(poll);
      realtime.leaveBoard(boardId);
      store.dispose();
    };
  }, [boardId, meId]);

  return store?.boardId === boardId ? store : null;
}

const noView = (): null => null;
const noSubscribe = () => () => undefined;

export function useBoardView(store: BoardStore | null): BoardView | null {
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getSnapshot ?? noView);
}
