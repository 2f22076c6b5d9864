// The one SignalR connection of this tab, to /hubs/board with the session cookie.
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
} from '@microsoft/signalr';
import type { BoardSnapshot } from '../api/types';
import { smallStore } from '../lib/smallStore';
import { eventNames, fromPushed, type AnyEvent, type BoardEvent, type Viewer } from './events';

export type ConnectionStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting';

/** What JoinBoard answers: the events after afterSeq, or a snapshot when those are not all kept. */
export interface JoinResult {
  seq: number;
  events: BoardEvent[];
  snapshot: BoardSnapshot | null;
  presence: Viewer[];
}

/** 1–2 s between tries, for ever: a board left open should come back by itself. */
export const retryDelayMs = (): number => 1000 + Math.random() * 1000;
const neverGiveUp: IRetryPolicy = { nextRetryDelayInMilliseconds: retryDelayMs };

/** The connection's state, for the "Reconnecting…" banner. */
export const connectionStatus = smallStore<ConnectionStatus>('offline');

const eventListeners = new Set<(event: AnyEvent) => void>();
const connectedListeners = new Set<() => void>();
let connection: HubConnection | null = null;
let wanted = false;
/** What this tab is editing, sent again after a reconnect (presence is per connection). */
let editing: { boardId: string; taskId: string | null } | null = null;

function build(): HubConnection {
  const hub = new HubConnectionBuilder()
    .withUrl('/hubs/board', { withCredentials: true })
    .withAutomaticReconnect(neverGiveUp)
    .configureLogging(import.meta.env.DEV ? LogLevel.Warning : LogLevel.None)
    .build();
  for (const name of eventNames) {
    hub.on(name, (arg: unknown) => {
      const event = fromPushed(name, arg);
      eventListeners.forEach((l) => l(event));
    });
  }
  hub.onreconnecting(() => connectionStatus.set('reconnecting'));
  hub.onreconnected(() => connected());
  hub.onclose(() => {
    // Closed for good (the server ended it): start over while the app still wants it.
    connectionStatus.set(wanted ? 'reconnecting' : 'offline');
    if (wanted) setTimeout(() => void connect(), retryDelayMs());
  });
  return hub;
}

function connected(): void {
  connectionStatus.set('connected');
  connectedListeners.forEach((l) => l());
}

let starting = false;

async function connect(): Promise<void> {
  if (starting) return;
  starting = true;
  try {
    while (wanted && connection && connection.state === HubConnectionState.Disconnected) {
      try {
        await connection.start();
        connected();
        return;
      } catch {
        // The hub is unreachable (down, or not deployed): the board still works over GraphQL.
        connectionStatus.set('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs()));
      }
    }
  } finally {
    starting = false;
  }
}

export const realtime = {
  /** Starts the connection (once signed in); it keeps retrying until `stop`. */
  start(): void {
    wanted = true;
    connection ??= build();
    if (connection.state === HubConnectionState.Disconnected) {
      connectionStatus.set('connecting');
      void connect();
    }
  },

  /** Stops it (signing out). */
  async stop(): Promise<void> {
    wanted = false;
    editing = null;
    const hub = connection;
    connection = null;
    connectionStatus.set('offline');
    await hub?.stop().catch(() => undefined);
  },

  isConnected(): boolean {
    return connection?.state === HubConnectionState.Connected;
  },

  /** Every pushed event, of every board this connection joined. */
  onEvent(listener: (event: AnyEvent) => void): () => void {
    eventListeners.add(listener);
    return () => eventListeners.delete(listener);
  },

  /** Called after every connect and reconnect: the moment to (re)join boards. */
  onConnected(listener: () => void): () => void {
    connectedListeners.add(listener);
    return () => connectedListeners.delete(listener);
  },

  async joinBoard(boardId: string, afterSeq: number | null): Promise<JoinResult> {
    const result = await invoke<JoinResult>('JoinBoard', boardId, afterSeq);
    if (editing?.boardId === boardId && editing.taskId !== null) {
      void invoke('SetEditing', boardId, editing.taskId).catch(() => undefined);
    }
    return result;
  },

  leaveBoard(boardId: string): void {
    if (editing?.boardId === boardId) editing = null;
    if (realtime.isConnected()) void invoke('LeaveBoard', boardId).catch(() => undefined);
  },

  /** Tells the others which task this tab has open (null: none). */
  setEditing(boardId: string, taskId: string | null): void {
    editing = { boardId, taskId };
    if (realtime.isConnected()) void invoke('SetEditing', boardId, taskId).catch(() => undefined);
  },
};

function invoke<T>(method: string, ...args: unknown[]): Promise<T> {
  if (!connection || connection.state !== HubConnectionState.Connected) {
    return Promise.reject(new Error('not connected'));
  }
  return connection.invoke<T>(method, ...args);
}

/** The contract's code in a hub error ("… HubException: FORBIDDEN"), if any. */
export function hubErrorCode(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return /\b(FORBIDDEN|NOT_FOUND|VALIDATION|UNAUTHENTICATED)\b/.exec(message)?.[1] ?? null;
}
