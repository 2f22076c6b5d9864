import { describe, expect, it } from 'vitest';
import { rankBetween } from './rank';

describe('rankBetween', () => {
  it('sorts strictly between its neighbours with plain ordinal comparison', () => {
    const cases: [string | null, string | null][] = [
      [null, null],
      ['a0', null],
      [null, 'a0'],
      ['a0', 'a1'],
      ['a0', 'a0V'],
      ['a0V', 'a1'],
      ['Zz', 'a0'],
      ['a0', 'a01'],
      ['a0~', 'a1'],
    ];
    for (const [before, after] of cases) {
      const r = rankBetween(before, after);
      if (before !== null) expect(before < r, `${before} < ${r}`).toBe(true);
      if (after !== null) expect(r < after, `${r} < ${after}`).toBe(true);
    }
  });

  it('keeps finding room when inserting again and again at one place', () => {
    let low = 'a0';
    const high = 'a1';
    for (let i = 0; i < 200; i++) {
      const r = rankBetween(low, high);
      expect(low < r && r < high).toBe(true);
      low = r;
    }
    let top = 'a0';
    for (let i = 0; i < 200; i++) {
      const r = rankBetween(null, top);
      expect(r < top).toBe(true);
      top = r;
    }
  });

  it('refuses neighbours out of order', () => {
    expect(() => rankBetween('a1', 'a0')).toThrow();
  });
});
