import { describe, expect, it } from 'vitest';
import { checklistTextProblem, commentProblem, descriptionProblem, labelNameProblem, titleProblem } from './limits';

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

describe('task detail limits', () => {
  it('label names 1–50, checklist items 1–500 after trimming; comments 1–10,000', () => {
    expect(labelNameProblem(' bug ')).toBeNull();
    expect(labelNameProblem('  ')).toBe('Type a label name: it can’t be empty.');
    expect(labelNameProblem('x'.repeat(51))).toMatch(/at most 50 characters \(this one has 51\)\. Shorten it to save\./);
    expect(checklistTextProblem('x'.repeat(500))).toBeNull();
    expect(checklistTextProblem('x'.repeat(501))).toMatch(/at most 500 characters \(this one has 501\)/);
    expect(checklistTextProblem('')).toMatch(/can’t be empty/);
    expect(commentProblem('x'.repeat(10000))).toBeNull();
    expect(commentProblem('x'.repeat(10001))).toMatch(/at most 10,000 characters \(this one has 10,001\)\. Shorten it to post\./);
    expect(commentProblem(' \n ')).toMatch(/can’t be empty/);
  });
});
