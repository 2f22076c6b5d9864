// Calendar dates as the contract sends them ('YYYY-MM-DD'), compared against the local
// calendar: "today" is the date on the person's own clock, not in UTC. The one place for due
// dates: My tasks' groups, the filter bar's buckets, and a card's or the dialog's due badge,
// which says when in words (never by colour alone).

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

/** Overdue, due today, or due later: what a due badge says and how it is coloured. */
export type DueStatus = 'overdue' | 'today' | 'upcoming';

export function dueStatus(dueDate: string, today: string = localToday()): DueStatus {
  const bucket = dueBucket(dueDate, today);
  return bucket === 'overdue' || bucket === 'today' ? bucket : 'upcoming';
}

/**
 * A due date for people: "Mar 5" (on a card), or with `weekday` "Wed, Mar 5" (in a list), in
 * the person's own locale; with the year when it is not this year's.
 */
export function formatDueDate(iso: string, today: string = localToday(), { weekday = false }: { weekday?: boolean } = {}): string {
  const sameYear = iso.slice(0, 4) === today.slice(0, 4);
  return dateFormat(weekday, !sameYear).format(fromIso(iso));
}

// toLocaleDateString builds a formatter on every call: 1 ms each, two seconds for a board of
// 2,000 dated cards. The four formatters it needs are made once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(weekday: boolean, year: boolean): Intl.DateTimeFormat {
  const key = `${weekday}/${year}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      ...(weekday && { weekday: 'short' }),
      month: 'short',
      day: 'numeric',
      ...(year && { year: 'numeric' }),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** What a screen reader says, e.g. "Overdue: due Mar 5", "Due today", "Due Mar 9". */
export function dueSentence(dueDate: string, today: string = localToday()): string {
  switch (dueStatus(dueDate, today)) {
    case 'overdue':
      return `Overdue: due ${formatDueDate(dueDate, today)}`;
    case 'today':
      return 'Due today';
    default:
      return `Due ${formatDueDate(dueDate, today)}`;
  }
}
