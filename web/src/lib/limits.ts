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

/** The server's limits for a task's detail (CONTRACT.md part 2). */
export const MAX_LABEL_NAME = 50;
export const MAX_CHECKLIST_TEXT = 500;
export const MAX_COMMENT = 10_000;

export function labelNameProblem(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return 'Type a label name: it can’t be empty.';
  if (length > MAX_LABEL_NAME) return `A label name is at most ${MAX_LABEL_NAME} characters (this one has ${count(length)}). Shorten it to save.`;
  return null;
}

export function checklistTextProblem(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return 'Type what needs doing: a checklist item can’t be empty.';
  if (length > MAX_CHECKLIST_TEXT) return `A checklist item is at most ${MAX_CHECKLIST_TEXT} characters (this one has ${count(length)}). Shorten it to save.`;
  return null;
}

export function commentProblem(text: string): string | null {
  if (text.trim().length === 0) return 'Write something first: a comment can’t be empty.';
  const length = text.length;
  if (length > MAX_COMMENT) return `A comment is at most ${count(MAX_COMMENT)} characters (this one has ${count(length)}). Shorten it to post.`;
  return null;
}
