import { describe, expect, it } from 'vitest';
import { ApiError, ErrorCode } from '../api/errors';
import { Outbox } from '../offline/outbox';
import { dropChange, keepMine, refusedChanges } from './syncList';

function refusedRetitle(change: { kind: string; variables: Record<string, unknown>; label: string } = {
  kind: 'updateTask',
  variables: { input: { id: 't1', title: 'Mine', expectedVersion: 1 } },
  label: 'Save the task',
}) {
  let online = false;
  const sent: unknown[] = [];
  const outbox = new Outbox({
    db: null,
    userId: 'u',
    tabId: 't',
    isOnline: () => online,
    newRef: () => 'r1',
    report: () => undefined,
    send: async (entry) => {
      sent.push(entry.variables);
      if (sent.length === 1) throw new ApiError(ErrorCode.Conflict, 'changed', undefined, { id: 't1', title: 'Theirs', version: 3 });
      return { value: { id: 't1', title: 'Mine', version: 4 }, seq: 9 };
    },
  });
  void outbox.start();
  const { done } = outbox.add({ boardId: 'b', ...change });
  online = true;
  outbox.wake();
  return { outbox, sent, done };
}

describe('the "Couldn’t sync" list', () => {
  it('shows a refused change with mine and theirs', async () => {
    const { outbox, done } = refusedRetitle();
    await done;
    expect(refusedChanges(outbox.entries())).toEqual([
      { ref: 'r1', what: 'Save the task', why: 'Someone else changed this first.', mine: 'Mine', theirs: 'Theirs', canKeepMine: true },
    ]);
  });

  it('keep mine sends it again on the version the server has now', async () => {
    const { outbox, sent, done } = refusedRetitle();
    await done;
    await keepMine(outbox, 'r1');
    await outbox.idle();
    expect(sent).toEqual([
      { input: { id: 't1', title: 'Mine', expectedVersion: 1 } },
      { input: { id: 't1', title: 'Mine', expectedVersion: 3 } },
    ]);
    expect(outbox.entries()).toEqual([]);
  });

  it('offers no keep mine for a create whose ID is taken: sending it again would meet the same conflict', async () => {
    const { outbox, done } = refusedRetitle({ kind: 'createTask', variables: { input: { id: 't1', columnId: 'c1', title: 'Mine' } }, label: 'Add the task' });
    await done;
    expect(refusedChanges(outbox.entries())).toEqual([expect.objectContaining({ what: 'Add the task', mine: 'Mine', canKeepMine: false })]);
  });

  it('take theirs (or discard) drops it', async () => {
    const { outbox, done } = refusedRetitle();
    await done;
    await dropChange(outbox, 'r1');
    expect(refusedChanges(outbox.entries())).toEqual([]);
  });
});
