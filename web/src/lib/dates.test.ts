import { describe, expect, it } from 'vitest';
import { addDays, dueBucket, dueSentence, dueStatus, endOfWeek, formatDueDate, groupByDue, localToday } from './dates';

describe('dates', () => {
  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2030, 0, 16, 23, 59))).toBe('2030-01-16');
    expect(localToday(new Date(2030, 0, 16, 0, 1))).toBe('2030-01-16');
    expect(localToday(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2030-01-31', 1)).toBe('2030-02-01');
    expect(addDays('2030-01-01', -1)).toBe('2029-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('ends a week on Sunday', () => {
    expect(endOfWeek('2030-01-14')).toBe('2030-01-20'); // Monday
    expect(endOfWeek('2030-01-16')).toBe('2030-01-20'); // Wednesday
    expect(endOfWeek('2030-01-20')).toBe('2030-01-20'); // Sunday
  });

  it('puts a due date in its bucket', () => {
    const wednesday = '2030-01-16';
    expect(dueBucket(null, wednesday)).toBe('none');
    expect(dueBucket('2030-01-15', wednesday)).toBe('overdue');
    expect(dueBucket('2029-12-31', wednesday)).toBe('overdue');
    expect(dueBucket('2030-01-16', wednesday)).toBe('today');
    expect(dueBucket('2030-01-17', wednesday)).toBe('week');
    expect(dueBucket('2030-01-20', wednesday)).toBe('week');
    expect(dueBucket('2030-01-21', wednesday)).toBe('later');
    expect(dueBucket('2030-01-21', '2030-01-20')).toBe('later'); // on a Sunday, Monday is next week
  });
});

describe('groupByDue', () => {
  it('groups in the given order within each bucket', () => {
    const items = [
      { id: 'a', dueDate: '2030-01-01' },
      { id: 'b', dueDate: '2030-01-15' },
      { id: 'c', dueDate: '2030-01-16' },
      { id: 'd', dueDate: '2030-01-19' },
      { id: 'e', dueDate: '2030-03-01' },
      { id: 'f', dueDate: null },
    ];
    const grouped = groupByDue(items, '2030-01-16');
    const ids = (bucket: Parameters<typeof grouped.get>[0]) => grouped.get(bucket)?.map((i) => i.id);
    expect(ids('overdue')).toEqual(['a', 'b']);
    expect(ids('today')).toEqual(['c']);
    expect(ids('week')).toEqual(['d']);
    expect(ids('later')).toEqual(['e']);
    expect(ids('none')).toEqual(['f']);
  });
});

describe('due badges', () => {
  it('tell overdue, today and upcoming by calendar date', () => {
    expect(dueStatus('2026-03-04', '2026-03-05')).toBe('overdue');
    expect(dueStatus('2026-03-05', '2026-03-05')).toBe('today');
    expect(dueStatus('2026-03-06', '2026-03-05')).toBe('upcoming');
    expect(dueStatus('2026-04-30', '2026-03-05')).toBe('upcoming'); // later than this week too
    expect(dueSentence('2026-03-05', '2026-03-05')).toBe('Due today');
    expect(dueSentence('2026-03-04', '2026-03-05')).toMatch(/^Overdue: due /);
    expect(dueSentence('2026-03-06', '2026-03-05')).toMatch(/^Due (?!today)/);
  });

  it('say the year only when it is not this one, and the weekday when asked', () => {
    const local = (date: Date, options: Intl.DateTimeFormatOptions) => date.toLocaleDateString(undefined, options);
    expect(formatDueDate('2026-03-05', '2026-01-01')).toBe(local(new Date(2026, 2, 5), { month: 'short', day: 'numeric' }));
    expect(formatDueDate('2027-03-05', '2026-12-31')).toContain('2027');
    expect(formatDueDate('2026-03-05', '2026-12-31')).not.toContain('2026');
    expect(formatDueDate('2030-01-16', '2030-01-01', { weekday: true })).toBe(
      local(new Date(2030, 0, 16), { weekday: 'short', month: 'short', day: 'numeric' }),
    );
  });
});
