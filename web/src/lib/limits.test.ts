import { describe, expect, it } from 'vitest';
import { descriptionProblem, titleProblem } from './limits';

describe('titleProblem', () => {
  it('accepts 1 to 200 characters after trimming', () => {
    expect(titleProblem('  Pricing  ')).toBeNull();
    expect(titleProblem('x'.repeat(200))).toBeNull();
    expect(titleProblem(` ${'x'.repeat(200)} `)).toBeNull();
  });

  it('says what is wrong and what to do', () => {
    expect(titleProblem('   ')).toBe('Type a title: it can’t be empty.');
    expect(titleProblem('x'.repeat(5000))).toBe('A title is at most 200 characters (this one has 5,000). Shorten it to save.');
    expect(titleProblem('x'.repeat(201), 'name')).toMatch(/^A name is at most 200 characters \(this one has 201\)/);
  });
});

describe('descriptionProblem', () => {
  it('allows up to 20,000 characters', () => {
    expect(descriptionProblem('x'.repeat(20000))).toBeNull();
    expect(descriptionProblem('x'.repeat(20001))).toMatch(/at most 20,000 characters \(this one has 20,001\)/);
  });
});
