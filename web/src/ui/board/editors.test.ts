import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../realtime/events';
import { ANA, BEN } from '../../test/fixtures';
import { editingPhrase, editorsByTask } from './editors';

const CAL = { id: 'user-cal', name: 'Cal' };
const viewer = (user: { id: string; name: string }, editingTaskId: string | null = null): Viewer => ({ user, connections: 1, editingTaskId });

describe('who else edits a task', () => {
  it('names the others with a task open, not me', () => {
    const editors = editorsByTask([viewer(ANA, 't1'), viewer(BEN, 't1'), viewer(CAL, 't1'), viewer(BEN, 't2')], ANA.id);
    expect([...editors]).toEqual([
      ['t1', 'Ben and Cal'],
      ['t2', 'Ben'],
    ]);
    expect(editingPhrase(editors.get('t1')!)).toBe('Ben and Cal are editing');
  });

  it('is the same map while presence changes nothing about who edits what, so the cards need not render again', () => {
    const nobody = editorsByTask([viewer(ANA)], ANA.id);
    expect(editorsByTask([], ANA.id)).toBe(nobody);
    expect(editorsByTask([viewer(ANA, 't1'), viewer(BEN)], ANA.id)).toBe(nobody); // only I edit; Ben only looks

    const benOnT1 = editorsByTask([viewer(ANA), viewer(BEN, 't1')], ANA.id);
    expect([...benOnT1]).toEqual([['t1', 'Ben']]);
    expect(editorsByTask([viewer(BEN, 't1'), viewer(ANA), viewer(CAL)], ANA.id)).toBe(benOnT1);

    const benOnT2 = editorsByTask([viewer(BEN, 't2')], ANA.id);
    expect(benOnT2).not.toBe(benOnT1);
    expect([...benOnT2]).toEqual([['t2', 'Ben']]);
    expect(editorsByTask([viewer(BEN)], ANA.id)).toBe(nobody);
  });
});
