// Builders for tests: a small board and events with the contract's envelope.
import type { BoardSnapshot, Task } from '../api/types';
import type { Answered } from '../api/graphql';
import type { BoardEvent } from '../realtime/events';

export const BOARD = '0190a000-0000-7000-8000-000000000001';
export const TODO = '0190a000-0000-7000-8000-0000000000c1';
export const DONE = '0190a000-0000-7000-8000-0000000000c2';
export const ANA = { id: 'user-ana', name: 'Ana' };
export const BEN = { id: 'user-ben', name: 'Ben' };

export function task(id: string, columnId: string, rank: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    boardId: BOARD,
    columnId,
    title: `Task ${id}`,
    description: '',
    rank,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    createdBy: ANA,
    dueDate: null,
    labelIds: [],
    assigneeIds: [],
    checklist: [],
    commentCount: 0,
    ...extra,
  };
}

export function snapshot(seq: number, tasks: Task[] = [task('t1', TODO, 'a0'), task('t2', TODO, 'a1')]): BoardSnapshot {
  return {
    id: BOARD,
    name: 'Launch',
    seq,
    columns: [
      { id: TODO, boardId: BOARD, name: 'To do', rank: 'a0', tasks: tasks.filter((t) => t.columnId === TODO) },
      { id: DONE, boardId: BOARD, name: 'Done', rank: 'a1', tasks: tasks.filter((t) => t.columnId === DONE) },
    ],
    members: [
      { user: ANA, role: 'OWNER', email: 'ana@example.test' },
      { user: BEN, role: 'EDITOR', email: 'ben@example.test' },
    ],
    labels: [],
  };
}

type Payload<T extends BoardEvent['type']> = Omit<Extract<BoardEvent, { type: T }>, 'type' | 'seq' | 'boardId' | 'actor' | 'origin' | 'at'>;

export function event<T extends BoardEvent['type']>(type: T, seq: number, payload: Payload<T>, origin: string | null = null): BoardEvent {
  // Payload<T> makes each call type-safe; TypeScript cannot relate the generic spread to the union itself.
  return { type, seq, boardId: BOARD, actor: BEN, origin, at: '2026-01-01T00:00:00Z', ...payload } as unknown as BoardEvent;
}

/** A mutation's answer whose last event has `seq` (by default one the board has not reached yet). */
export function answered<T>(value: T, seq: number | null = 1000): Answered<T> {
  return { value, seq };
}
