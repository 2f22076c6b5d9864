import { describe, expect, it } from 'vitest';
import { EventName, eventNames, fromLogged, fromPushed, isBoardEventName } from './events';

describe('events', () => {
  it('names every contract event once', () => {
    expect(new Set(eventNames).size).toBe(27);
    expect(eventNames).toEqual(expect.arrayContaining(['label:deleted', 'checklistItem:moved', 'comment:updated', 'task:restored', 'column:restored']));
    expect(isBoardEventName(EventName.PresenceChanged)).toBe(false);
    expect(isBoardEventName(EventName.TaskMoved)).toBe(true);
  });

  it('turns a boardEvents row into the pushed event', () => {
    const e = fromLogged({
      seq: 3,
      type: 'task:deleted',
      payload: { type: 'task:deleted', boardId: 'b', seq: 3, taskId: 't' },
      actor: { id: 'u', name: 'U' },
      origin: null,
      at: 'now',
    });
    expect(e).toMatchObject({ type: 'task:deleted', seq: 3, taskId: 't', boardId: 'b' });
    expect(fromLogged({ seq: 4, type: 'something:new', payload: {}, actor: { id: 'u', name: 'U' }, origin: null, at: '' })).toBeNull();
  });

  it('takes the hub method name as the type', () => {
    expect(fromPushed(EventName.ColumnDeleted, { columnId: 'c', seq: 2 })).toMatchObject({ type: 'column:deleted', columnId: 'c' });
  });
});
