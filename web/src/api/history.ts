// What happened on a board and what is in its trash: read-only queries for the panels.
import { graphql } from './graphql';
import type { Activity, ActivityPage, TrashItem } from './types';

const ACTIVITY_FIELDS = `seq at type summary taskId columnId actor { id name }`;

/** Newest first: `before` pages down, `after` asks what is new since the newest entry held. */
export async function fetchBoardActivity(boardId: string, page: { before?: number; after?: number; first?: number } = {}): Promise<ActivityPage> {
  const data = await graphql<{ boardActivity: ActivityPage }>(
    `query BoardActivity($boardId: ID!, $before: Long, $after: Long, $first: Int) {
       boardActivity(boardId: $boardId, before: $before, after: $after, first: $first) { hasMore items { ${ACTIVITY_FIELDS} } }
     }`,
    { boardId, ...page },
  );
  return data.boardActivity;
}

/** A task's history, newest first; null when the task is not there to see. */
export async function fetchTaskActivity(taskId: string, first = 50): Promise<Activity[] | null> {
  const data = await graphql<{ task: { activity: Activity[] } | null }>(
    `query TaskActivity($id: ID!, $first: Int) { task(id: $id) { activity(first: $first) { ${ACTIVITY_FIELDS} } } }`,
    { id: taskId, first },
  );
  return data.task?.activity ?? null;
}

/** The board's deleted tasks and columns, newest first. */
export async function fetchTrash(boardId: string): Promise<TrashItem[]> {
  const data = await graphql<{ trash: TrashItem[] }>(
    `query Trash($boardId: ID!) { trash(boardId: $boardId) { kind id title deletedAt columnId taskCount deletedBy { id name } } }`,
    { boardId },
  );
  return data.trash;
}
