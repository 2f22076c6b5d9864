// Calendar dates as the contract sends them ('YYYY-MM-DD'), compared against the local
// calendar: "today" is the date on the person's own clock, not in UTC.

const pad = (n: number) => String(n).padStart(2, '0');

function toIso(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function fromIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Today's date on the local calendar. */
export function localToday(now: Date = new Date()): string {
  return toIso(now);
}

/** The date `days` after `iso` (negative: before), by calendar days whatever the clock changes. */
export function addDays(iso: string, days: number): string {
  const date = fromIso(iso);
  date.setDate(date.getDate() + days);
  return toIso(date);
}

/** The Sunday that ends the week of `iso` (weeks run Monday to Sunday). */
export function endOfWeek(iso: string): string {
  const weekday = fromIso(iso).getDay(); // 0 = Sunday
  return addDays(iso, weekday === 0 ? 0 : 7 - weekday);
}

export type DueBucket = 'overdue' | 'today' | 'week' | 'later' | 'none';

/**
 * Where a due date falls from `today`: before it, on it, later this week (to Sunday), later
 * than that, or no date. Both are 'YYYY-MM-DD', so they compare as strings.
 */
export function dueBucket(dueDate: string | null, today: string): DueBucket {
  if (!dueDate) return 'none';
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  return dueDate <= endOfWeek(today) ? 'week' : 'later';
}

/** Items in due buckets, each bucket keeping the items' order. */
export function groupByDue<T extends { dueDate: string | null }>(items: readonly T[], today: string): Map<DueBucket, T[]> {
  const grouped = new Map<DueBucket, T[]>();
  for (const item of items) {
    const bucket = dueBucket(item.dueDate, today);
    const list = grouped.get(bucket);
    if (list) list.push(item);
    else grouped.set(bucket, [item]);
  }
  return grouped;
}

/** A due date for people: "Wed 14 Jan" (with the year when it is not this year's). */
export function formatDueDate(iso: string, today: string = localToday()): string {
  const date = fromIso(iso);
  const sameYear = iso.slice(0, 4) === today.slice(0, 4);
  return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}
