import { describe, expect, it } from 'vitest';
import { EventName } from '../realtime/events';
import { event } from '../test/fixtures';
import { sequence } from './sequencer';

const deleted = (seq: number) => event(EventName.TaskDeleted, seq, { taskId: `t${seq}` });
const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);

describe('sequence', () => {
  it('releases events that follow the store’s seq, in order', () => {
    const r = sequence(5, [], [deleted(7), deleted(6)]);
    expect(seqs(r.ready)).toEqual([6, 7]);
    expect(r.buffer).toEqual([]);
  });

  it('holds an early event until the gap before it fills', () => {
    const first = sequence(5, [], [deleted(8), deleted(7)]);
    expect(first.ready).toEqual([]);
    expect(seqs(first.buffer)).toEqual([7, 8]);
    const second = sequence(5, first.buffer, [deleted(6)]);
    expect(seqs(second.ready)).toEqual([6, 7, 8]);
    expect(second.buffer).toEqual([]);
  });

  it('drops events the store already has and repeats', () => {
    const r = sequence(5, [deleted(7)], [deleted(4), deleted(5), deleted(7), deleted(6), deleted(6)]);
    expect(seqs(r.ready)).toEqual([6, 7]);
    expect(r.buffer).toEqual([]);
  });

  it('keeps a later run waiting behind a second gap', () => {
    const r = sequence(0, [], [deleted(1), deleted(3), deleted(4)]);
    expect(seqs(r.ready)).toEqual([1]);
    expect(seqs(r.buffer)).toEqual([3, 4]);
  });
});
