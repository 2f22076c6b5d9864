import { describe, expect, it } from 'vitest';
import { task, TODO } from '../test/fixtures';
import { decideConflict } from './conflicts';

describe('decideConflict', () => {
  const theirs = task('t1', TODO, 'a0', { title: 'Theirs', description: 'same', version: 4 });

  it('asks when the other person changed the same field', () => {
    expect(decideConflict({ title: 'Mine' }, { title: 'Original' }, theirs)).toBe('ask');
  });

  it('resends when the other change touched other fields (a move, another field)', () => {
    expect(decideConflict({ description: 'new text' }, { description: 'same' }, theirs)).toBe('resend');
  });

  it('does nothing when theirs already equals mine', () => {
    expect(decideConflict({ title: 'Theirs' }, { title: 'Original' }, theirs)).toBe('already-mine');
  });
});
