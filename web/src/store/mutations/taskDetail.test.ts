import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshMemoryOutbox } from '../../offline/currentOutbox';
import { ApiError, ErrorCode } from '../../api/errors';
import type { ChecklistItem, Comment, Label } from '../../api/types';
import { EventName } from '../../realtime/events';
import { ANA, answered, BOARD, event, snapshot, task, TODO } from '../../test/fixtures';
import { toasts } from '../../ui/toasts';
import { BoardStore } from '../boardStore';

vi.mock('../../api/commands', () => ({ updateTask: vi.fn() }));
vi.mock('../../api/taskDetail', () => ({
  createLabel: vi.fn(),
  updateLabel: vi.fn(),
  deleteLabel: vi.fn(),
  addChecklistItem: vi.fn(),
  updateChecklistItem: vi.fn(),
  moveChecklistItem: vi.fn(),
  deleteChecklistItem: vi.fn(),
  addComment: vi.fn(),
  editComment: vi.fn(),
  deleteComment: vi.fn(),
  fetchComments: vi.fn(),
}));
const api = await import('../../api/commands');
const detail = await import('../../api/taskDetail');
const m = await import('./index');

const BUG: Label = { id: 'l-bug', boardId: BOARD, name: 'bug', color: 'RED' };
const item = (id: string, rank: string, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({ id, taskId: 't1', text: `Item ${id}`, done: false, rank, ...extra });

function loadedStore() {
  const store = new BoardStore(BOARD, ANA.id, { clientId: 'me', fetchEvents: vi.fn(), fetchBoard: vi.fn() });
  const board = snapshot(5, [task('t1', TODO, 'a0', { checklist: [item('i1', 'a0'), item('i2', 'a1'), item('i3', 'a2')], commentCount: 1 })]);
  store.loadSnapshot({ ...board, labels: [BUG] });
  return store;
}
const t1 = (store: BoardStore) => store.getSnapshot().board.tasks.t1;
// Answers held back until the test ends: writes to one item queue behind each other across tests.
let held: ((error: unknown) => void)[] = [];
const never = <T,>() => new Promise<T>((_, reject) => held.push(reject));

beforeEach(() => {
  freshMemoryOutbox();
  vi.clearAllMocks();
  toasts.set([]);
});
afterEach(async () => {
  for (const reject of held) reject(new ApiError(ErrorCode.Forbidden, 'test over'));
  held = [];
  await new Promise((r) => setTimeout(r, 0));
});

describe('labels', () => {
  it('createLabel shows the label at once and sends its id, trimmed name and colour', async () => {
    const store = loadedStore();
    vi.mocked(detail.createLabel).mockImplementation(never);
    void m.createLabel(store, '  Design ', 'PURPLE');
    const shown = Object.values(store.getSnapshot().board.labels).find((l) => l.name === 'Design')!;
    expect(shown.color).toBe('PURPLE');
    await vi.waitFor(() => expect(detail.createLabel).toHaveBeenCalledWith({ id: shown.id, boardId: BOARD, name: 'Design', color: 'PURPLE' }));
  });

  it('deleteLabel takes it off the tasks at once, and rolls back with a reason when refused', async () => {
    const store = loadedStore();
    store.fold((s) => ({ ...s, tasks: { ...s.tasks, t1: { ...s.tasks.t1, labelIds: [BUG.id] } } }));
    let reject!: (e: unknown) => void;
    vi.mocked(detail.deleteLabel).mockImplementation(() => new Promise((_, r) => (reject = r)));
    const done = m.deleteLabel(store, BUG.id);
    expect(t1(store).labelIds).toEqual([]);
    await vi.waitFor(() => expect(detail.deleteLabel).toHaveBeenCalled());
    reject(new ApiError(ErrorCode.Forbidden, 'no'));
    await done;
    expect(t1(store).labelIds).toEqual([BUG.id]);
    expect(toasts.get()[0].message).toMatch(/^Couldn’t delete the label\. You don’t have permission/);
  });
});

describe('task fields', () => {
  it('a label is added as a delta, never as the whole list', async () => {
    const store = loadedStore();
    vi.mocked(api.updateTask).mockResolvedValue(answered(task('t1', TODO, 'a0', { labelIds: [BUG.id], version: 2 })));
    const pending = m.setTaskLabel(store, 't1', BUG.id, true);
    expect(t1(store).labelIds).toEqual([BUG.id]);
    await pending;
    expect(api.updateTask).toHaveBeenCalledWith({ id: 't1', addLabelIds: [BUG.id] });
  });

  it('assignees and the due date: set, then cleared with null', async () => {
    const store = loadedStore();
    vi.mocked(api.updateTask).mockImplementation(never);
    void m.setTaskAssignee(store, 't1', ANA.id, true);
    void m.setDueDate(store, 't1', '2026-05-01');
    expect(t1(store)).toMatchObject({ assigneeIds: [ANA.id], dueDate: '2026-05-01' });
    await vi.waitFor(() => expect(api.updateTask).toHaveBeenCalledWith({ id: 't1', addAssigneeIds: [ANA.id] }));
    // The date waits for the assignment's answer (the outbox sends in order); check the shape it will send.
    freshMemoryOutbox();
    const store2 = loadedStore();
    vi.mocked(api.updateTask).mockResolvedValue(answered(task('t1', TODO, 'a0', { version: 2 })));
    await m.setDueDate(store2, 'tX', null);
    expect(api.updateTask).toHaveBeenLastCalledWith({ id: 'tX', dueDate: null });
  });
});

describe('checklist', () => {
  it('adds an item at once (a placeholder rank at the end) and keeps the answer', async () => {
    const store = loadedStore();
    let resolve!: (i: ChecklistItem) => void;
    vi.mocked(detail.addChecklistItem).mockImplementation(() => new Promise<ChecklistItem>((r) => (resolve = r)).then((v) => answered(v)));
    const pending = m.addChecklistItem(store, 't1', ' Write docs ');
    const shown = t1(store).checklist.at(-1)!;
    expect(shown).toMatchObject({ text: 'Write docs', done: false });
    await vi.waitFor(() => expect(detail.addChecklistItem).toHaveBeenCalledWith({ id: shown.id, taskId: 't1', text: 'Write docs' }));
    resolve(item(shown.id, 'a3', { text: 'Write docs' }));
    await pending;
    expect(t1(store).checklist.at(-1)).toMatchObject({ id: shown.id, rank: 'a3' });
  });

  it('ticks at once and confirms by our own event', async () => {
    const store = loadedStore();
    vi.mocked(detail.updateChecklistItem).mockResolvedValue(answered(item('i2', 'a1', { done: true }), 6));
    const pending = m.updateChecklistItem(store, 't1', 'i2', { done: true });
    expect(t1(store).checklist[1].done).toBe(true);
    await pending;
    store.receive([event(EventName.ChecklistItemUpdated, 6, { taskId: 't1', itemId: 'i2', updates: { done: true } }, 'me')]);
    expect(store.getSnapshot().pending).toBe(0);
    expect(t1(store).checklist[1].done).toBe(true);
  });

  it('moves by index (an array move) and sends that index', async () => {
    const store = loadedStore();
    vi.mocked(detail.moveChecklistItem).mockImplementation(never);
    void m.moveChecklistItem(store, 't1', 'i1', 2);
    expect(t1(store).checklist.map((i) => i.id)).toEqual(['i2', 'i3', 'i1']);
    void m.moveChecklistItem(store, 't1', 'i3', 0);
    expect(t1(store).checklist.map((i) => i.id)).toEqual(['i3', 'i2', 'i1']);
    await vi.waitFor(() => expect(detail.moveChecklistItem).toHaveBeenCalledWith({ id: 'i1', index: 2 }));
  });

  it('deleting an item someone already deleted is no failure', async () => {
    const store = loadedStore();
    vi.mocked(detail.deleteChecklistItem).mockRejectedValue(new ApiError(ErrorCode.NotFound, 'gone'));
    await m.deleteChecklistItem(store, 't1', 'i1');
    expect(toasts.get()).toEqual([]);
  });
});

describe('comments', () => {
  const c = (id: string, extra: Partial<Comment> = {}): Comment => ({ id, taskId: 't1', author: ANA, body: 'hi', createdAt: '2026-01-01T00:00:00Z', editedAt: null, ...extra });

  it('loads every page of the thread, oldest first', async () => {
    const store = loadedStore();
    vi.mocked(detail.fetchComments)
      .mockResolvedValueOnce({ comments: [c('c1')], hasMore: true })
      .mockResolvedValueOnce({ comments: [c('c2', { createdAt: '2026-01-02T00:00:00Z' })], hasMore: false });
    expect(await m.loadComments(store, 't1')).toBe(true);
    expect(vi.mocked(detail.fetchComments).mock.calls.map((call) => call[1])).toEqual([null, 'c1']);
    expect(store.getSnapshot().board.comments.t1.comments.map((x) => x.id)).toEqual(['c1', 'c2']);
  });

  it('posting shows the comment and counts it once, also after our own event', async () => {
    const store = loadedStore();
    vi.mocked(detail.fetchComments).mockResolvedValue({ comments: [], hasMore: false });
    await m.loadComments(store, 't1');
    let resolve!: (x: Comment) => void;
    vi.mocked(detail.addComment).mockImplementation(() => new Promise<Comment>((r) => (resolve = r)).then((v) => answered(v, 6)));
    const pending = m.addComment(store, 't1', ' **Done** ', ANA);
    const shown = store.getSnapshot().board.comments.t1.comments[0];
    expect(shown.body).toBe('**Done**');
    expect(t1(store).commentCount).toBe(2);
    await vi.waitFor(() => expect(detail.addComment).toHaveBeenCalledWith({ id: shown.id, taskId: 't1', body: '**Done**' }));
    const answer = c(shown.id, { body: '**Done**' });
    resolve(answer);
    await pending;
    store.receive([event(EventName.CommentCreated, 6, { taskId: 't1', comment: answer }, 'me')]);
    expect(t1(store).commentCount).toBe(2);
    expect(store.getSnapshot().board.comments.t1.comments).toHaveLength(1);
    expect(store.getSnapshot().pending).toBe(0);
  });

  it('a refused edit rolls back and says why', async () => {
    const store = loadedStore();
    vi.mocked(detail.fetchComments).mockResolvedValue({ comments: [c('c1')], hasMore: false });
    await m.loadComments(store, 't1');
    vi.mocked(detail.editComment).mockRejectedValue(new ApiError(ErrorCode.Forbidden, 'no'));
    await m.editComment(store, 't1', 'c1', 'changed');
    expect(store.getSnapshot().board.comments.t1.comments[0]).toMatchObject({ body: 'hi', editedAt: null });
    expect(toasts.get()[0].message).toMatch(/^Couldn’t save the comment\./);
  });

  it('deleting takes it out of the thread and the count', async () => {
    const store = loadedStore();
    vi.mocked(detail.fetchComments).mockResolvedValue({ comments: [c('c1')], hasMore: false });
    await m.loadComments(store, 't1');
    vi.mocked(detail.deleteComment).mockImplementation(never);
    void m.deleteComment(store, 't1', 'c1');
    expect(store.getSnapshot().board.comments.t1.comments).toEqual([]);
    expect(t1(store).commentCount).toBe(0);
  });
});

describe('a change to something posted a moment ago', () => {
  it('stays shown until the state holds both', async () => {
    const store = loadedStore();
    vi.mocked(detail.fetchComments).mockResolvedValue({ comments: [], hasMore: false });
    await m.loadComments(store, 't1');
    const answer = (body: string, editedAt: string | null) => ({ id: 'x', taskId: 't1', author: ANA, body, createdAt: '2026-01-01T00:00:00Z', editedAt });
    vi.mocked(detail.addComment).mockImplementation(async (input) => answered({ ...answer(input.body, null), id: input.id }));
    const posted = (await m.addComment(store, 't1', 'Hello', ANA))!;
    vi.mocked(detail.editComment).mockResolvedValue(answered({ ...answer('Changed', '2026-01-02T00:00:00Z'), id: posted.id }));
    await m.editComment(store, 't1', posted.id, 'Changed');
    expect(store.getSnapshot().board.comments.t1.comments[0].body).toBe('Changed');

    vi.mocked(detail.addChecklistItem).mockImplementation(async (input) => answered(item(input.id, 'a9', { text: input.text })));
    const added = (await m.addChecklistItem(store, 't1', 'New'))!;
    vi.mocked(detail.updateChecklistItem).mockResolvedValue(answered(item(added.id, 'a9', { text: 'New', done: true })));
    await m.updateChecklistItem(store, 't1', added.id, { done: true });
    expect(t1(store).checklist.find((i) => i.id === added.id)?.done).toBe(true);
  });
});

describe('loading comments', () => {
  it('that fails leaves no half thread, so a retry loads it', async () => {
    const store = loadedStore();
    vi.mocked(detail.fetchComments).mockRejectedValueOnce(new ApiError(ErrorCode.Network, 'down'));
    expect(await m.loadComments(store, 't1')).toBe(false);
    expect(store.getSnapshot().board.comments.t1).toBeUndefined();
    vi.mocked(detail.fetchComments).mockResolvedValueOnce({ comments: [], hasMore: false });
    expect(await m.loadComments(store, 't1')).toBe(true);
    expect(store.getSnapshot().board.comments.t1.loaded).toBe(true);
  });
});
