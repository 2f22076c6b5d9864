/** The server's limits (src/Kanban.Server/Boards/Limits.cs): names and titles 1–200 characters after trimming, in UTF-16 code units. */
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 20_000;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What is wrong with a title or name as typed, said so the user knows what to do; null when
 * it can be saved. `noun` is "title" or "name".
 */
export function titleProblem(text: string, noun: 'title' | 'name' = 'title'): string | null {
  const length = text.trim().length; // UTF-16 code units, as the server counts
  if (length === 0) return `Type a ${noun}: it can’t be empty.`;
  if (length > MAX_TITLE) return `A ${noun} is at most ${MAX_TITLE} characters (this one has ${count(length)}). Shorten it to save.`;
  return null;
}

export function descriptionProblem(text: string): string | null {
  const length = text.length;
  return length > MAX_DESCRIPTION ? `A description is at most ${count(MAX_DESCRIPTION)} characters (this one has ${count(length)}). Shorten it to save.` : null;
}
