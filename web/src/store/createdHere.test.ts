import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ErrorCode } from '../api/errors';
import { Outbox } from '../offline/outbox';
import { ANA } from '../test/fixtures';
import { BoardStore } from './boardStore';
import { createdHere, waitingCreate, whenCreated } from './createdHere';
import { orderedColumns } from './selectors';

let online: boolean;
let answer: () => Promise<{ value: unknown; seq: number | null }>;
let outbox: Outbox;
let refs = 0;

beforeEach(() => {
  online = false;
  answer = async () => ({ value: { id: 'n', name: 'Plans' }, seq: null });
  outbox = new Outbox({ db: null, userId: 'u', tabId: 't', send: () => answer(), isOnline: () => online, newRef: () => `r${++refs}`, report: () => undefined });
  void outbox.start();
});

const create = () => outbox.add({ boardId: 'n', kind: 'createBoard', variables: { input: { id: 'n', name: 'Plans' } }, label: 'Create the board “Plans”' });

describe('a board created here, its create waiting', () => {
  it('opens as the empty board the server will have at seq 0, its creator the owner', () => {
    create();
    expect(waitingCreate(outbox, 'n')?.kind).toBe('createBoard');
    const state = createdHere(outbox, 'n', ANA)!;
    expect(state).toMatchObject({ id: 'n', name: 'Plans', seq: 0, status: 'ready', columns: {}, tasks: {}, labels: {} });
    expect(state.members).toEqual({ [ANA.id]: { user: ANA, role: 'OWNER', email: null } });
    expect(createdHere(outbox, 'other', ANA)).toBeUndefined();
  });

  it('takes changes on top, shown at once, before the server has the board', () => {
    create();
    const store = new BoardStore('n', ANA.id, { clientId: 'c', fetchEvents: vi.fn(), fetchBoard: vi.fn(), outbox });
    store.seed(createdHere(outbox, 'n', ANA)!);
    outbox.add({ boardId: 'n', kind: 'createColumn', variables: { input: { id: 'c1', boardId: 'n', name: 'Ideas' } }, label: 'Add the column' });
    expect(orderedColumns(store.getSnapshot().board).map((c) => c.name)).toEqual(['Ideas']);
    expect(store.confirmed.columns).toEqual({}); // the server's part: only what it will have at seq 0
  });

  it('says when the create is answered, once it has left the outbox (the board can be asked for then)', async () => {
    create();
    const heard: [boolean, boolean][] = [];
    whenCreated(outbox, 'n', (created) => heard.push([created, waitingCreate(outbox, 'n') !== undefined]));
    online = true;
    outbox.wake();
    await vi.waitFor(() => expect(heard).toEqual([[true, false]]), { timeout: 2000, interval: 5 });
  });

  it('says when the create is refused', async () => {
    answer = () => Promise.reject(new ApiError(ErrorCode.Validation, 'A name is at most 200 characters.'));
    create();
    const heard: boolean[] = [];
    whenCreated(outbox, 'n', (created) => heard.push(created));
    online = true;
    outbox.wake();
    await vi.waitFor(() => expect(heard).toEqual([false]), { timeout: 2000, interval: 5 });
    expect(createdHere(outbox, 'n', ANA)).toBeUndefined(); // refused: nothing to open
  });
});
