// A task's comment thread: loading it (comments are not in the board snapshot) and writing it.
import { newId } from '../../api/clientId';
import * as api from '../../api/taskDetail';
import type { Comment, User } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { dropThread, loadThread, startThread } from '../taskDetail';
import { track } from './track';

/** How many pages a thread loads at most (50 comments each). */
const MAX_PAGES = 40;

/**
 * Loads a task's whole thread, oldest first. Events keep it live from the moment it starts,
 * and the pages merge with what they brought. False when it could not be loaded.
 */
export async function loadComments(store: BoardStore, taskId: string, fetchPage = api.fetchComments): Promise<boolean> {
  store.fold((s) => startThread(s, taskId));
  const all: Comment[] = [];
  try {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await fetchPage(taskId, after);
      if (!result) break;
      all.push(...result.comments);
      if (!result.hasMore || result.comments.length === 0) break;
      after = result.comments[result.comments.length - 1].id;
    }
  } catch (error) {
    console.warn('loading comments failed', error);
    store.fold((s) => dropThread(s, taskId)); // a retry starts afresh
    return false;
  }
  store.fold((s) => loadThread(s, taskId, all));
  return true;
}

export function addComment(store: BoardStore, taskId: string, body: string, me: User): Promise<Comment | undefined> {
  const comment: Comment = { id: newId(), taskId, author: me, body: body.trim(), createdAt: new Date().toISOString(), editedAt: null };
  return track({
    store,
    kind: 'addComment',
    variables: { input: { id: comment.id, taskId, body: comment.body } },
    failure: 'Couldn’t post the comment',
  });
}

/** Changes the body of one's own comment. */
export function editComment(store: BoardStore, taskId: string, commentId: string, body: string): Promise<Comment | undefined> {
  const trimmed = body.trim();
  return track({
    store,
    kind: 'editComment',
    variables: { taskId, input: { id: commentId, body: trimmed } },
    failure: 'Couldn’t save the comment',
  });
}

/** Deletes a comment: one's own, or anyone's for an OWNER. */
export function deleteComment(store: BoardStore, taskId: string, commentId: string): Promise<unknown> {
  return track({
    store,
    kind: 'deleteComment',
    variables: { taskId, id: commentId },
    failure: 'Couldn’t delete the comment',
  });
}
