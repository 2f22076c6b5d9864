import { useSyncExternalStore } from 'react';
import { currentOutbox } from './currentOutbox';
import type { OutboxEntry } from './localDb';

const noEntries: readonly OutboxEntry[] = [];

/** This person's changes not yet confirmed (waiting or refused), of every tab, oldest first. */
export function useOutboxEntries(): readonly OutboxEntry[] {
  const outbox = currentOutbox();
  return useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.entries(),
    () => noEntries,
  );
}
