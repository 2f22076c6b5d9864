// When a task is due, said in words (never by colour alone).

export type DueStatus = 'overdue' | 'today' | 'upcoming';

/** Today's calendar date where the user is, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function dueStatus(dueDate: string, today = localToday()): DueStatus {
  return dueDate < today ? 'overdue' : dueDate === today ? 'today' : 'upcoming';
}

/** "Mar 5", or "Mar 5, 2027" in another year. */
export function formatDueDate(dueDate: string, today = localToday()): string {
  const [y, m, d] = dueDate.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  const sameYear = dueDate.slice(0, 4) === today.slice(0, 4);
  return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', ...(!sameYear && { year: 'numeric' }) });
}

/** What a screen reader says, e.g. "Overdue: due Mar 5". */
export function dueSentence(dueDate: string, today = localToday()): string {
  const when = `due ${formatDueDate(dueDate, today)}`;
  switch (dueStatus(dueDate, today)) {
    case 'overdue':
      return `Overdue: ${when}`;
    case 'today':
      return 'Due today';
    default:
      return `Due ${formatDueDate(dueDate, today)}`;
  }
}
