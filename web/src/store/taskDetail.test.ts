import { describe, expect, it } from 'vitest';
import type { Comment, Label } from '../api/types';
import { EventName } from '../realtime/events';
import { ANA, BEN, BOARD, event, snapshot, task, TODO } from '../test/fixtures';
import { emptyBoard } from './boardState';
import { applyEvent, applySnapshot } from './reducer';
import { applyDelta, loadThread, orderedLabels, startThread } from './taskDetail';

const BUG: Label = { id: 'l-bug', boardId: BOARD, name: 'bug', color: 'RED' };
const UX: Label = { id: 'l-ux', boardId: BOARD, name: 'UX', color: 'BLUE' };
const item = (id: string, rank: string, extra = {}) => ({ id, taskId: 't1', text: `Item ${id}`, done: false, rank, ...extra });
const comment = (id: string, at: string, extra: Partial<Comment> = {}): Comment => ({ id, taskId: 't1', author: BEN, body: `Comment ${id}`, createdAt: at, editedAt: null, ...extra });

function loaded() {
  const board = snapshot(5, [
    task('t1', TODO, 'a0', { labelIds: [BUG.id, UX.id], assigneeIds: [ANA.id, BEN.id], checklist: [item('i1', 'a0'), item('i2', 'a1')], commentCount: 2 }),
    task('t2', TODO, 'a1', { labelIds: [BUG.id], assigneeIds: [BEN.id] }),
  ]);
  return applySnapshot(emptyBoard(BOARD, ANA.id), { ...board, labels: [BUG, UX] });
}

describe('labels', () => {
  it('come with the snapshot, ordered by name whatever the letter case', () => {
    const s = loaded();
    expect(orderedLabels(s).map((l) => l.name)).toEqual(['bug', 'UX']);
  });

  it('label:created, label:updated', () => {
    let s = applyEvent(loaded(), event(EventName.LabelCreated, 6, { label: { id: 'l-a', boardId: BOARD, name: 'Api', color: 'GREEN' } }));
    expect(orderedLabels(s).map((l) => l.name)).toEqual(['Api', 'bug', 'UX']);
    s = applyEvent(s, event(EventName.LabelUpdated, 7, { labelId: 'l-a', updates: { color: 'PINK' } }));
    expect(s.labels['l-a']).toMatchObject({ name: 'Api', color: 'PINK' });
    expect(s.seq).toBe(7);
  });

  it('label:deleted takes the label off every task, without changing their versions', () => {
    const s = applyEvent(loaded(), event(EventName.LabelDeleted, 6, { labelId: BUG.id }));
    expect(s.labels[BUG.id]).toBeUndefined();
    expect(s.tasks.t1.labelIds).toEqual([UX.id]);
    expect(s.tasks.t2.labelIds).toEqual([]);
    expect(s.tasks.t1.version).toBe(1);
  });
});

describe('task:updated with the new fields', () => {
  it('sets labels, assignees and a due date, and clears the date with null', () => {
    let s = applyEvent(loaded(), event(EventName.TaskUpdated, 6, { taskId: 't2', updates: { labelIds: [UX.id, BUG.id], assigneeIds: [ANA.id], dueDate: '2026-03-01', updatedAt: 'x' }, version: 2 }));
    expect(s.tasks.t2).toMatchObject({ labelIds: [UX.id, BUG.id], assigneeIds: [ANA.id], dueDate: '2026-03-01', version: 2 });
    s = applyEvent(s, event(EventName.TaskUpdated, 7, { taskId: 't2', updates: { dueDate: null, updatedAt: 'y' }, version: 3 }));
    expect(s.tasks.t2.dueDate).toBeNull();
    expect(s.tasks.t2.labelIds).toEqual([UX.id, BUG.id]);
  });
});

describe('member:removed', () => {
  it('takes the user off every task of the board', () => {
    const s = applyEvent(loaded(), event(EventName.MemberRemoved, 6, { userId: BEN.id }));
    expect(s.tasks.t1.assigneeIds).toEqual([ANA.id]);
    expect(s.tasks.t2.assigneeIds).toEqual([]);
    expect(s.members[BEN.id]).toBeUndefined();
  });
});

describe('checklist events', () => {
  it('created, updated, moved by rank, deleted; the task version stays', () => {
    let s = applyEvent(loaded(), event(EventName.ChecklistItemCreated, 6, { taskId: 't1', item: item('i3', 'a0V') }));
    expect(s.tasks.t1.checklist.map((i) => i.id)).toEqual(['i1', 'i3', 'i2']);
    s = applyEvent(s, event(EventName.ChecklistItemUpdated, 7, { taskId: 't1', itemId: 'i3', updates: { done: true } }));
    expect(s.tasks.t1.checklist[1]).toMatchObject({ id: 'i3', done: true, text: 'Item i3' });
    s = applyEvent(s, event(EventName.ChecklistItemMoved, 8, { taskId: 't1', itemId: 'i1', rank: 'b0', position: 2 }));
    expect(s.tasks.t1.checklist.map((i) => i.id)).toEqual(['i3', 'i2', 'i1']);
    s = applyEvent(s, event(EventName.ChecklistItemDeleted, 9, { taskId: 't1', itemId: 'i2' }));
    expect(s.tasks.t1.checklist.map((i) => i.id)).toEqual(['i3', 'i1']);
    expect(s.tasks.t1.version).toBe(1);
    expect(s.seq).toBe(9);
  });

  it('a repeated created event keeps the item once', () => {
    let s = applyEvent(loaded(), event(EventName.ChecklistItemCreated, 6, { taskId: 't1', item: item('i1', 'a0') }));
    s = applyEvent(s, event(EventName.ChecklistItemUpdated, 7, { taskId: 't1', itemId: 'missing', updates: { done: true } }));
    expect(s.tasks.t1.checklist.map((i) => i.id)).toEqual(['i1', 'i2']);
  });
});

describe('comment events', () => {
  it('count on the task whether or not its thread is loaded', () => {
    let s = applyEvent(loaded(), event(EventName.CommentCreated, 6, { taskId: 't1', comment: comment('c9', '2026-01-02T00:00:00Z') }));
    expect(s.tasks.t1.commentCount).toBe(3);
    expect(s.comments.t1).toBeUndefined();
    s = applyEvent(s, event(EventName.CommentDeleted, 7, { taskId: 't1', commentId: 'c9' }));
    expect(s.tasks.t1.commentCount).toBe(2);
  });

  it('keep a loaded thread live: add, edit, delete', () => {
    let s = loadThread(startThread(loaded(), 't1'), 't1', [comment('c1', '2026-01-01T00:00:00Z'), comment('c2', '2026-01-01T01:00:00Z')]);
    s = applyEvent(s, event(EventName.CommentCreated, 6, { taskId: 't1', comment: comment('c3', '2026-01-02T00:00:00Z') }));
    s = applyEvent(s, event(EventName.CommentUpdated, 7, { taskId: 't1', commentId: 'c1', updates: { body: 'Fixed', editedAt: '2026-01-03T00:00:00Z' } }));
    s = applyEvent(s, event(EventName.CommentDeleted, 8, { taskId: 't1', commentId: 'c2' }));
    expect(s.comments.t1.comments.map((c) => [c.id, c.body, c.editedAt])).toEqual([
      ['c1', 'Fixed', '2026-01-03T00:00:00Z'],
      ['c3', 'Comment c3', null],
    ]);
    expect(s.tasks.t1.commentCount).toBe(2);
  });

  it('a thread that loads while events arrive keeps both, and not what was deleted meanwhile', () => {
    let s = startThread(loaded(), 't1');
    s = applyEvent(s, event(EventName.CommentCreated, 6, { taskId: 't1', comment: comment('c3', '2026-01-02T00:00:00Z') }));
    s = applyEvent(s, event(EventName.CommentUpdated, 7, { taskId: 't1', commentId: 'c3', updates: { body: 'new', editedAt: '2026-01-03T00:00:00Z' } }));
    s = applyEvent(s, event(EventName.CommentDeleted, 8, { taskId: 't1', commentId: 'c2' }));
    // The page was read before all three.
    s = loadThread(s, 't1', [comment('c1', '2026-01-01T00:00:00Z'), comment('c2', '2026-01-01T01:00:00Z'), comment('c3', '2026-01-02T00:00:00Z')]);
    expect(s.comments.t1.loaded).toBe(true);
    expect(s.comments.t1.comments.map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(s.comments.t1.comments[1].body).toBe('new'); // the later edit wins over the older page
  });

  it('a snapshot drops loaded threads (a reset may have skipped their events)', () => {
    const s = loadThread(startThread(loaded(), 't1'), 't1', [comment('c1', '2026-01-01T00:00:00Z')]);
    expect(applySnapshot(s, snapshot(9)).comments).toEqual({});
  });
});

describe('applyDelta', () => {
  it('adds what is missing once and removes what is there', () => {
    expect(applyDelta(['a', 'b'], ['b', 'c'], ['a'])).toEqual(['b', 'c']);
    expect(applyDelta([], [], ['x'])).toEqual([]);
  });
});
