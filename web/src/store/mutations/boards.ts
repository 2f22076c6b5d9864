// Writes on the home page's board list: shown at once, put back when refused.
import * as api from '../../api/commands';
import { newId } from '../../api/clientId';
import { describeError, ErrorCode, isApiError } from '../../api/errors';
import type { BoardSummary } from '../../api/types';
import { showToast } from '../../ui/toasts';
import { boardList } from '../boardList';

function setBoards(change: (boards: BoardSummary[]) => BoardSummary[]): void {
  boardList.set((s) => ({ ...s, boards: change(s.boards ?? []) }));
}

async function optimistic<T>(change: (boards: BoardSummary[]) => BoardSummary[], send: () => Promise<T>, failure: string, ok?: (error: unknown) => boolean): Promise<T | undefined> {
  const before = boardList.get().boards;
  setBoards(change);
  try {
    return await withRetry(send);
  } catch (error) {
    if (ok?.(error)) return undefined;
    boardList.set((s) => ({ ...s, boards: before }));
    showToast(`${failure}. ${describeError(error)}`);
    return undefined;
  }
}

export async function createBoard(name: string): Promise<string | undefined> {
  const id = newId();
  const trimmed = name.trim();
  const created = await optimistic(
    (boards) => [...boards, { id, name: trimmed, role: 'OWNER', memberCount: 1 }],
    async () => (await api.createBoard({ id, name: trimmed })).value,
    'Couldn’t create the board',
  );
  return created?.id;
}

export function renameBoardInList(id: string, name: string): Promise<unknown> {
  const trimmed = name.trim();
  return optimistic(
    (boards) => boards.map((b) => (b.id === id ? { ...b, name: trimmed } : b)),
    async () => (await api.renameBoard(id, trimmed)).value,
    'Couldn’t rename the board',
  );
}

export function deleteBoard(id: string): Promise<unknown> {
  return optimistic(
    (boards) => boards.filter((b) => b.id !== id),
    () => api.deleteBoard(id),
    'Couldn’t delete the board',
    (error) => isApiError(error, ErrorCode.NotFound),
  );
}

/**
 * Sends again when the server could not be reached (the board list's writes are not in the
 * outbox: they are made on the home page, online). Safe to repeat: a create carries our own ID.
 */
async function withRetry<T>(send: () => Promise<T>, delays: readonly number[] = [400, 1500]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isApiError(error, ErrorCode.Network) || attempt >= delays.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}
