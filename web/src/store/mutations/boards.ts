// Writes on the home page's board list: through the outbox like every board write, so that made
// offline they show at once (boardListWrites.ts), survive a reload and are sent in order, a
// create with the ID chosen here (sent twice, it is stored once). A refusal says so in a toast,
// or, for one that had to wait, in "Couldn't sync".
import { newId } from '../../api/clientId';
import type { BoardSummary } from '../../api/types';
import { queue } from './track';

/** Creates a board and answers its ID at once: it can be opened before the server has it. */
export function createBoard(name: string): string {
  const id = newId();
  const trimmed = name.trim();
  void queue({
    boardId: id,
    kind: 'createBoard',
    variables: { input: { id, name: trimmed } },
    failure: `Couldn’t create the board “${trimmed}”`,
  });
  return id;
}

export function renameBoardInList(board: BoardSummary, name: string): Promise<unknown> {
  return queue({
    boardId: board.id,
    kind: 'renameBoard',
    variables: { id: board.id, name: name.trim() },
    failure: `Couldn’t rename the board “${board.name}”`,
  });
}

/** A board that is gone already (deleted by someone else, or our first try went through) counts as deleted. */
export function deleteBoard(board: BoardSummary): Promise<unknown> {
  return queue({
    boardId: board.id,
    kind: 'deleteBoard',
    variables: { id: board.id },
    failure: `Couldn’t delete the board “${board.name}”`,
  });
}
