import { describeError, ErrorCode, isApiError } from '../../api/errors';
import type { Answered } from '../../api/graphql';
import { showToast } from '../../ui/toasts';
import type { BoardState } from '../boardState';
import type { BoardStore } from '../boardStore';

type Change = (state: BoardState) => BoardState;

export interface Tracked<T> {
  store: BoardStore;
  /** The item it changes, as events name it: "task:ID", "column:ID", "board", "member:USER". */
  key: string;
  /** Other items whose earlier writes must reach the server first (e.g. the column a task goes into). */
  after?: string[];
  /** Shown at once. */
  optimistic: Change;
  send(): Promise<Answered<T>>;
  /** Shows the answer on top of the state until the board's seq reaches the answer's. */
  answered(answer: T): Change;
  /** Says what failed, e.g. "Couldn’t move the task". */
  failure: string;
  /** Handles an error itself (return true) instead of the toast. */
  onError?(error: unknown): boolean;
}

/**
 * The one path of every board write: show it, send it, then keep the server's answer on
 * top until the board's seq reaches the answer's, or roll back with a toast saying why it
 * was refused.
 */
export async function track<T>(t: Tracked<T>): Promise<T | undefined> {
  const handle = t.store.begin(t.optimistic);
  try {
    const { value, seq } = await inOrder([t.key, ...(t.after ?? [])], () => withRetry(t.send));
    t.store.answer(handle, t.answered(value), seq);
    return value;
  } catch (error) {
    t.store.cancel(handle);
    if (!t.onError?.(error)) showToast(`${t.failure}. ${describeError(error)}`);
    return undefined;
  }
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Sends a write after every earlier write of this tab to the same items has been answered,
 * so the server sees them in the order the user made them: three tasks typed quickly land
 * in that order, a task is created before it is moved, a column before its first task.
 */
export function inOrder<T>(keys: readonly string[], send: () => Promise<T>): Promise<T> {
  const earlier = keys.map((k) => queues.get(k)).filter((p): p is Promise<unknown> => p !== undefined);
  const run = Promise.allSettled(earlier).then(send);
  const done = run.then(
    () => undefined,
    () => undefined,
  );
  for (const key of keys) queues.set(key, done);
  void done.then(() => {
    for (const key of keys) if (queues.get(key) === done) queues.delete(key);
  });
  return run;
}

/**
 * Sends again when the server could not be reached. Every write is safe to repeat: creates
 * carry our own ID, edits and moves state the result, and a repeated delete finds nothing.
 */
export async function withRetry<T>(send: () => Promise<T>, delays: readonly number[] = [400, 1500]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isApiError(error, ErrorCode.Network) || attempt >= delays.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}
