import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { BoardSummary } from '../api/types';
import { deleteLocalDb, openLocalDb, type OutboxEntry } from '../offline/localDb';
import { Outbox } from '../offline/outbox';
import { answeredInList, isListWrite, layOverList, waitingBoards } from './boardListWrites';

const board = (id: string, name = id): BoardSummary => ({ id, name, role: 'OWNER', memberCount: 2 });

let refs = 0;
function entry(kind: string, boardId: string, variables: Record<string, unknown>, status: OutboxEntry['status'] = 'waiting'): OutboxEntry {
  return { ref: `r${++refs}`, boardId, kind, variables, label: kind, createdAt: 0, tabId: 't', waited: true, status };
}
const create = (id: string, name: string) => entry('createBoard', id, { input: { id, name } });
const rename = (id: string, name: string) => entry('renameBoard', id, { id, name });
const remove = (id: string) => entry('deleteBoard', id, { id });

describe('board-list writes on the list', () => {
  it('lay a create, a rename and a delete over the list, oldest first', () => {
    const list = [board('a', 'Alpha'), board('b', 'Beta')];
    const shown = layOverList(list, [create('n', 'New'), rename('a', 'Apex'), remove('b'), rename('n', 'Newer')]);
    expect(shown).toEqual([
      { id: 'a', name: 'Apex', role: 'OWNER', memberCount: 2 },
      { id: 'n', name: 'Newer', role: 'OWNER', memberCount: 1 },
    ]);
    expect(list.map((b) => b.name)).toEqual(['Alpha', 'Beta']); // the server's list stays as it was
  });

  it('shows neither refused writes nor writes inside a board, and changes nothing without a list write', () => {
    const list = [board('a', 'Alpha')];
    const refused = rename('a', 'Mine');
    refused.status = 'refused';
    const inside = entry('createColumn', 'a', { input: { id: 'c', boardId: 'a', name: 'To do' } });
    expect(layOverList(list, [refused, inside])).toBe(list);
  });

  it('a board created here and already in the list (answered meanwhile) is not there twice; a rename or delete of a board not in it changes nothing', () => {
    const list = [board('n', 'New')];
    expect(layOverList(list, [create('n', 'New'), rename('x', 'X'), remove('y')])).toBe(list);
  });

  it('marks the boards a waiting create or rename is about', () => {
    const refused = rename('c', 'C');
    refused.status = 'refused';
    expect([...waitingBoards([create('n', 'New'), rename('a', 'A'), refused, entry('createColumn', 'b', {})])]).toEqual(['n', 'a']);
  });

  it('shows an answer as the server gave it, and knows which writes are the list’s', () => {
    const list = [board('a', 'Alpha')];
    expect(answeredInList(create('n', 'Typed'), { id: 'n', name: 'Stored' })(list).map((b) => b.name)).toEqual(['Alpha', 'Stored']);
    expect(answeredInList(remove('a'), { id: 'a', success: true })(list)).toEqual([]);
    expect(answeredInList(entry('createColumn', 'a', {}), {})(list)).toBe(list);
    expect(['createBoard', 'renameBoard', 'deleteBoard', 'createColumn', 'toString'].map(isListWrite)).toEqual([true, true, true, false, false]);
  });

  it('made offline, they are in the outbox after a reload and lay over the kept list again', async () => {
    const db = await openLocalDb('list-writes');
    let ref = 0;
    const tab = () =>
      new Outbox({ db, userId: 'list-writes', tabId: 't', send: () => Promise.reject(new Error('offline')), isOnline: () => false, newRef: () => `x${++ref}`, report: () => undefined });
    const before = tab();
    await before.start();
    before.add({ boardId: 'n', kind: 'createBoard', variables: { input: { id: 'n', name: 'New' } }, label: 'Create the board “New”' });
    before.add({ boardId: 'a', kind: 'renameBoard', variables: { id: 'a', name: 'Apex' }, label: 'Rename the board “Alpha”' });
    before.add({ boardId: 'b', kind: 'deleteBoard', variables: { id: 'b' }, label: 'Delete the board “Beta”' });
    await vi.waitFor(async () => expect(await db.count('outbox')).toBe(3), { timeout: 2000, interval: 5 }); // kept on the device
    before.dispose();

    const after = tab(); // the page again, still offline
    await after.start();
    const kept = [board('a', 'Alpha'), board('b', 'Beta')];
    expect(layOverList(kept, after.entries()).map((b) => b.name)).toEqual(['Apex', 'New']);
    after.dispose();
    await deleteLocalDb('list-writes', db);
  });
});
