import type { BoardEvent } from '../realtime/events';

export interface Sequenced {
  /** Events to apply now, in seq order, starting right after the store's seq. */
  ready: BoardEvent[];
  /** Events that came early and wait for the gap before them to fill, in seq order. */
  buffer: BoardEvent[];
}

/**
 * Puts incoming events in seq order after `seq`: drops what the store already has (and
 * repeats), releases the run that follows `seq` without a gap, and keeps the rest waiting.
 */
export function sequence(seq: number, buffer: readonly BoardEvent[], incoming: readonly BoardEvent[]): Sequenced {
  const bySeq = new Map<number, BoardEvent>();
  for (const event of [...buffer, ...incoming]) {
    if (event.seq > seq && !bySeq.has(event.seq)) bySeq.set(event.seq, event);
  }
  const ready: BoardEvent[] = [];
  for (let next = seq + 1; bySeq.has(next); next++) {
    ready.push(bySeq.get(next)!);
    bySeq.delete(next);
  }
  return { ready, buffer: [...bySeq.values()].sort((a, b) => a.seq - b.seq) };
}
