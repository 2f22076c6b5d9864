/**
 * A placeholder rank strictly between two ranks (null = open end), for showing an item at
 * its new place before the server answers. The server's rank replaces it; it is never sent.
 *
 * Any string works here as long as plain ordinal comparison (`<`) puts it between its
 * neighbours: an extension of `before` sorts after `before`, and sorts before `after`
 * unless `after` itself extends `before`.
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && !(before < after)) {
    throw new Error(`rank "${before}" is not below "${after}"`);
  }
  if (after === null) return (before ?? 'a0') + '~';
  if (before === null) return below(after);
  if (!after.startsWith(before)) return before + '~';
  return before + below(after.slice(before.length));
}

/** A non-empty string sorting before `s` (s is non-empty and not all "\0"). */
function below(s: string): string {
  const code = s.charCodeAt(0);
  if (code > 0) return String.fromCharCode(code - 1) + '~';
  return '\0' + below(s.slice(1));
}
