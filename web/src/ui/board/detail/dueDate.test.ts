import { describe, expect, it } from 'vitest';
import { dueSentence, dueStatus, localToday } from './dueDate';

describe('due dates', () => {
  it('tell overdue, today and upcoming by calendar date', () => {
    expect(dueStatus('2026-03-04', '2026-03-05')).toBe('overdue');
    expect(dueStatus('2026-03-05', '2026-03-05')).toBe('today');
    expect(dueStatus('2026-03-06', '2026-03-05')).toBe('upcoming');
    expect(dueSentence('2026-03-05', '2026-03-05')).toBe('Due today');
    expect(dueSentence('2026-03-04', '2026-03-05')).toMatch(/^Overdue: due /);
  });

  it('takes today where the user is', () => {
    expect(localToday(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });
});
