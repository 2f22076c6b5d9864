import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyBoard } from '../store/boardState';
import {
  deleteLocalDb,
  isStorageFull,
  openLocalDb,
  rememberUser,
  saveBoard,
  saveBoardList,
  savedBoard,
  savedBoardList,
  savedUser,
  type LocalDb,
} from './localDb';

const ana = { id: 'u-ana', name: 'Ana' };
let open: LocalDb[] = [];

async function dbOf(userId: string): Promise<LocalDb> {
  const db = await openLocalDb(userId);
  open.push(db);
  return db;
}

const board = (boardId: string, savedAt: number, seq = 1) => ({ boardId, seq, savedAt, state: { ...emptyBoard(boardId, ana.id), seq } });

afterEach(async () => {
  for (const db of open) db.close();
  open = [];
  await deleteLocalDb('u-ana');
  await deleteLocalDb('u-ben');
});

describe('the local database', () => {
  it('keeps the user, their board list and a board across openings', async () => {
    const db = await dbOf(ana.id);
    await rememberUser(db, ana);
    await saveBoardList(db, [{ id: 'b1', name: 'Launch', role: 'OWNER', memberCount: 1 }]);
    await saveBoard(db, board('b1', 1, 7));
    db.close();

    const again = await dbOf(ana.id);
    expect(await savedUser(again)).toEqual(ana);
    expect((await savedBoardList(again))?.map((b) => b.name)).toEqual(['Launch']);
    expect((await savedBoard(again, 'b1'))?.seq).toBe(7);
  });

  it('keeps each user apart', async () => {
    await saveBoard(await dbOf('u-ana'), board('b1', 1));
    expect(await savedBoard(await dbOf('u-ben'), 'b1')).toBeUndefined();
  });

  it('drops the boards seen longest ago past its bound, never the one being saved', async () => {
    const db = await dbOf(ana.id);
    await saveBoard(db, board('old', 1), 2);
    await saveBoard(db, board('middle', 2), 2);
    await saveBoard(db, board('new', 3), 2);
    expect(await savedBoard(db, 'old')).toBeUndefined();
    expect(await savedBoard(db, 'middle')).toBeDefined();

    // Saving a board again makes it the newest.
    await saveBoard(db, board('middle', 4), 2);
    await saveBoard(db, board('newest', 5), 2);
    expect(await savedBoard(db, 'new')).toBeUndefined();
    expect(await savedBoard(db, 'middle')).toBeDefined();
  });

  it('leaves nothing of the user once deleted', async () => {
    const db = await dbOf(ana.id);
    await rememberUser(db, ana);
    await saveBoard(db, board('b1', 1));
    await deleteLocalDb(ana.id, db);

    const fresh = await dbOf(ana.id);
    expect(await savedUser(fresh)).toBeUndefined();
    expect(await savedBoard(fresh, 'b1')).toBeUndefined();
  });

  it('is deleted even while another tab still has it open', async () => {
    await dbOf(ana.id); // another tab's handle, never closed by it
    await deleteLocalDb(ana.id);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('kanban-u-ana');
  });

  it('recognises a full disk', () => {
    expect(isStorageFull(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFull(new Error('other'))).toBe(false);
  });
});
