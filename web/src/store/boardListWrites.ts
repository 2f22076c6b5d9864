// How the board list's writes show on the home page's list: a create adds its board, a rename
// names it anew, a delete takes it off. Laid over the server's (or the kept) list while they wait
// in the outbox, whichever tab made them and even from before a reload; once answered, the
// answer stands in the list itself (boardList.ts), as the list has no seq to settle by.
import type { BoardSummary } from '../api/types';
import type { OutboxEntry } from '../offline/localDb';
import type { AnswerOf, VarsOf } from './writes';

export type ListChange = (boards: BoardSummary[]) => BoardSummary[];

type ListWriteKind = 'createBoard' | 'renameBoard' | 'deleteBoard';

interface ListKind<K extends ListWriteKind> {
  /** How it shows while it waits. */
  shown(v: VarsOf<K>): ListChange;
  /** How the server's answer shows. */
  answered(answer: AnswerOf<K>, v: VarsOf<K>): ListChange;
}

/** A board this person just created: they are its owner and its one member. */
const newBoard = (id: string, name: string): BoardSummary => ({ id, name, role: 'OWNER', memberCount: 1 });
// Each leaves the list as it is when there is nothing to change, so a repeat changes nothing.
const add =
  (board: BoardSummary): ListChange =>
  (boards) =>
    boards.some((b) => b.id === board.id) ? boards : [...boards, board];
const rename =
  (id: string, name: string): ListChange =>
  (boards) =>
    boards.some((b) => b.id === id && b.name !== name) ? boards.map((b) => (b.id === id ? { ...b, name } : b)) : boards;
const remove =
  (id: string): ListChange =>
  (boards) =>
    boards.some((b) => b.id === id) ? boards.filter((b) => b.id !== id) : boards;

const listKinds: { [K in ListWriteKind]: ListKind<K> } = {
  createBoard: {
    shown: (v) => add(newBoard(v.input.id, v.input.name)),
    answered: (a) => add(newBoard(a.id, a.name)),
  },
  // Made on the board's own page too: the list shows it either way.
  renameBoard: {
    shown: (v) => rename(v.id, v.name),
    answered: (a) => rename(a.id, a.name),
  },
  deleteBoard: {
    shown: (v) => remove(v.id),
    answered: (_, v) => remove(v.id),
  },
};

// The registry seen without its per-kind types, for entries of any kind.
const anyListKind = (kind: string): ListKind<ListWriteKind> | undefined =>
  Object.hasOwn(listKinds, kind) ? (listKinds as unknown as Record<string, ListKind<ListWriteKind>>)[kind] : undefined;

/** Whether a write changes the board list. */
export const isListWrite = (kind: string): boolean => anyListKind(kind) !== undefined;

/** How an answered list write shows in the list (nothing for other writes). */
export function answeredInList(entry: Pick<OutboxEntry, 'kind' | 'variables'>, answer: unknown): ListChange {
  const k = anyListKind(entry.kind);
  return k ? k.answered(answer as never, entry.variables as never) : (boards) => boards;
}

const waitingListWrites = (entries: readonly OutboxEntry[]) => entries.filter((e) => e.status === 'waiting' && isListWrite(e.kind));

/** The list as the person should see it: the given one, then each waiting list write, oldest first. */
export function layOverList(boards: BoardSummary[], entries: readonly OutboxEntry[]): BoardSummary[] {
  let list = boards;
  for (const entry of waitingListWrites(entries)) list = anyListKind(entry.kind)!.shown(entry.variables as never)(list);
  return list;
}

/** The boards a waiting list write created or renamed: not on the server like this yet. */
export function waitingBoards(entries: readonly OutboxEntry[]): ReadonlySet<string> {
  return new Set(waitingListWrites(entries).map((e) => e.boardId));
}
