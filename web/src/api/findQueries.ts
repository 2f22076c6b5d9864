// Finding tasks across boards: the caller's assigned tasks and server search (contract part 2).
import { graphql } from './graphql';
import type { Task } from './types';

/** What a list of tasks from many boards shows of each. */
export type FoundTask = Pick<Task, 'id' | 'boardId' | 'title' | 'dueDate'>;

const FOUND_FIELDS = 'id boardId title dueDate';

/** Tasks assigned to the caller on any board: earliest due date first, those without one last. */
export async function fetchMyTasks(first = 100): Promise<FoundTask[]> {
  const data = await graphql<{ myTasks: FoundTask[] }>(`query MyTasks($first: Int) { myTasks(first: $first) { ${FOUND_FIELDS} } }`, { first });
  return data.myTasks;
}

/** Tasks of the caller's boards with these words in their title, description or comments, best first. */
export async function searchTasks(text: string, first = 20): Promise<FoundTask[]> {
  const data = await graphql<{ searchTasks: FoundTask[] }>(
    `query SearchTasks($text: String!, $first: Int) { searchTasks(text: $text, first: $first) { ${FOUND_FIELDS} } }`,
    { text, first },
  );
  return data.searchTasks;
}

/** The names of the caller's boards, by id (to say where a found task is). */
export async function fetchBoardNames(): Promise<Map<string, string>> {
  const data = await graphql<{ boards: { id: string; name: string }[] }>(`query BoardNames { boards { id name } }`);
  return new Map(data.boards.map((b) => [b.id, b.name]));
}

let names: Promise<Map<string, string>> | null = null;

/**
 * Board names, fetched once and again when a board is missing from them (the caller joined
 * or made one since); a failed fetch is forgotten so the next call tries again.
 */
export async function boardNamesFor(boardIds: readonly string[]): Promise<Map<string, string>> {
  const known = names ? await names.catch(() => null) : null;
  if (known && boardIds.every((id) => known.has(id))) return known;
  names = fetchBoardNames();
  names.catch(() => (names = null));
  return names;
}
