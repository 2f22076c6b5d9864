import { describeError } from '../../api/errors';
import { currentOutbox } from '../../offline/currentOutbox';
import { showToast } from '../../ui/toasts';
import type { BoardStore } from '../boardStore';
import type { AnswerOf, Write, WriteKind } from '../writes';

type Failure = {
  /** Says what failed, e.g. "Couldn’t move the task" (and, without "Couldn’t", names the change in lists). */
  failure: string;
  /** Handles a refusal itself (return true) instead of the toast. */
  onError?(error: unknown): boolean;
};

export type Tracked<K extends WriteKind> = { store: BoardStore } & Failure & Write<K>;

/** A write about a board that need not be open (the board list's): named by its board's ID. */
export type Queued<K extends WriteKind> = { boardId: string } & Failure & Write<K>;

/**
 * The one path of every board write: into the outbox (shown at once, kept until the server
 * confirms it), sent in order, its answer shown until the board's seq reaches the answer's.
 * Answers the server's result, or undefined when refused: a change refused at once rolls back
 * with a toast saying why; one that had to wait (offline) goes to the "Couldn't sync" list.
 */
export function track<K extends WriteKind>(t: Tracked<K>): Promise<AnswerOf<K> | undefined> {
  return queue<K>({ ...t, boardId: t.store.boardId });
}

/** {@link track} for a write made away from its board (the home page's list): the same outbox, the same order. */
export async function queue<K extends WriteKind>(q: Queued<K>): Promise<AnswerOf<K> | undefined> {
  const { done } = currentOutbox().add({
    boardId: q.boardId,
    kind: q.kind,
    variables: q.variables as Record<string, unknown>,
    label: labelOf(q.failure),
  });
  const outcome = await done;
  if (outcome.ok) return outcome.value as AnswerOf<K>;
  if (!outcome.queued && !q.onError?.(outcome.error)) showToast(`${q.failure}. ${describeError(outcome.error)}`);
  return undefined;
}

/** "Couldn’t move the task" → "Move the task". */
const labelOf = (failure: string) => {
  const what = failure.replace(/^Couldn’t /, '');
  return what.charAt(0).toUpperCase() + what.slice(1);
};
