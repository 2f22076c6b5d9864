// A board created on this device whose create still waits in the outbox (made offline, or just
// now): it opens before the server has it, as the board the server will have at seq 0 (a new
// board starts there, empty, its creator its one owner), and changes made on it wait behind the
// create in the outbox, which sends oldest first. Asking the server for it waits until the create
// is answered: before, the server would say there is no such board.
import type { User } from '../api/types';
import type { OutboxEntry } from '../offline/localDb';
import type { Outbox } from '../offline/outbox';
import { emptyBoard, type BoardState } from './boardState';
import { applySnapshot } from './reducer';

const isCreateOf = (boardId: string) => (e: OutboxEntry) => e.kind === 'createBoard' && e.boardId === boardId;

/** The board's create, if it waits to be sent. */
export function waitingCreate(outbox: Outbox, boardId: string): OutboxEntry | undefined {
  return outbox.entries().find((e) => isCreateOf(boardId)(e) && e.status === 'waiting');
}

/** The board as the server will have it once its waiting create is sent; undefined when none waits. */
export function createdHere(outbox: Outbox, boardId: string, me: User): BoardState | undefined {
  const create = waitingCreate(outbox, boardId);
  if (!create) return undefined;
  const { name } = (create.variables as { input: { name: string } }).input;
  return applySnapshot(emptyBoard(boardId, me.id), {
    id: boardId,
    name,
    seq: 0,
    columns: [],
    members: [{ user: me, role: 'OWNER', email: null }],
    labels: [],
  });
}

/** Calls `then` when the board's create is answered (true) or finally refused (false). Returns the stop. */
export function whenCreated(outbox: Outbox, boardId: string, then: (created: boolean) => void): () => void {
  return outbox.onSettled((entry, outcome) => {
    // Once the entry has left the outbox (listeners hear of it just before).
    if (isCreateOf(boardId)(entry)) queueMicrotask(() => then(outcome.ok));
  });
}
