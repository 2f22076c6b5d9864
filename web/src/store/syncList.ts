// The "Couldn't sync" list: changes that waited (offline) and that the server then refused,
// as a person reads them, and the three ways out of each.
import { describeError, ApiError, toErrorCode } from '../api/errors';
import type { OutboxEntry } from '../offline/localDb';
import type { Outbox } from '../offline/outbox';
import { createsById } from './writes';

export interface RefusedChange {
  ref: string;
  /** What the change was, e.g. "Save the task". */
  what: string;
  /** Why the server refused it. */
  why: string;
  /** The value the change would set, when it is one text (a title, a name). */
  mine: string | null;
  /** The item as the server has it now (a CONFLICT's `current`), when it is one text. */
  theirs: string | null;
  /** Sending it again can succeed (it met a later change, or was refused for a passing reason). */
  canKeepMine: boolean;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The one text a write sets or an item has: a title, a name or a body. */
function mainText(value: unknown): string | null {
  const v = (value ?? {}) as { input?: unknown; title?: unknown; name?: unknown; body?: unknown };
  if (v.input !== undefined) return mainText(v.input);
  return text(v.title) ?? text(v.name) ?? text(v.body);
}

export function refusedChanges(entries: readonly OutboxEntry[]): RefusedChange[] {
  return entries
    .filter((e) => e.status === 'refused' && e.refusal)
    .map((e) => {
      const refusal = e.refusal!;
      const code = toErrorCode(refusal.code);
      return {
        ref: e.ref,
        what: e.label,
        why: describeError(new ApiError(code, refusal.message)),
        mine: mainText(e.variables),
        theirs: mainText(refusal.current),
        // A create's CONFLICT is about its ID, which it would carry again.
        canKeepMine: code === 'CONFLICT' && !createsById(e.kind),
      };
    });
}

/** "Keep mine": sends it again, on the version the server has now (its `current`). */
export function keepMine(outbox: Outbox, ref: string): Promise<void> {
  const entry = outbox.entries().find((e) => e.ref === ref);
  if (!entry) return Promise.resolve();
  const version = (entry.refusal?.current as { version?: unknown } | undefined)?.version;
  const input = entry.variables.input as Record<string, unknown> | undefined;
  const variables =
    input && typeof version === 'number' && 'expectedVersion' in input ? { ...entry.variables, input: { ...input, expectedVersion: version } } : entry.variables;
  return outbox.retry(ref, variables);
}

/** "Take theirs" and "Discard": the change goes; the board already shows the server's state. */
export const dropChange = (outbox: Outbox, ref: string): Promise<void> => outbox.discard(ref);
