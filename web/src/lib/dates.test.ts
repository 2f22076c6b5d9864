import { describe, expect, it } from 'vitest';
import { addDays, dueBucket, endOfWeek, groupByDue, localToday } from './dates';

describe('dates', () => {
  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2030, 0, 16, 23, 59))).toBe('2030-01-16');
    expect(localToday(new Date(2030, 0, 16, 0, 1))).toBe('2030-01-16');
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
