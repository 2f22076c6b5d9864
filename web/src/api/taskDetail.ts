// GraphQL of a task's detail: the board's labels, a task's checklist and its comments.
// One thin typed call each; optimism and reconciliation live in store/mutations.
import { CHECKLIST_ITEM_FIELDS, COMMENT_FIELDS, LABEL_FIELDS } from './fragments';
import { graphql, mutate, type Answered } from './graphql';
import type { ChecklistItem, Comment, CommentPage, DeletePayload, Label, LabelColor } from './types';

export function createLabel(input: { id: string; boardId: string; name: string; color: LabelColor }): Promise<Answered<Label>> {
  return mutate<Label>(
    'createLabel',
    `mutation CreateLabel($input: CreateLabelInput!) { createLabel(input: $input) { ...LabelFields } } ${LABEL_FIELDS}`,
    { input },
  );
}

export function updateLabel(input: { id: string; name?: string; color?: LabelColor }): Promise<Answered<Label>> {
  return mutate<Label>(
    'updateLabel',
    `mutation UpdateLabel($input: UpdateLabelInput!) { updateLabel(input: $input) { ...LabelFields } } ${LABEL_FIELDS}`,
    { input },
  );
}

export function deleteLabel(id: string): Promise<Answered<DeletePayload>> {
  return mutate<DeletePayload>(
    'deleteLabel',
    `mutation DeleteLabel($id: ID!) { deleteLabel(id: $id) { id success } }`, { id },
  );
}

export function addChecklistItem(input: { id: string; taskId: string; text: string; index?: number }): Promise<Answered<ChecklistItem>> {
  return mutate<ChecklistItem>(
    'addChecklistItem',
    `mutation AddChecklistItem($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { ...ChecklistItemFields } } ${CHECKLIST_ITEM_FIELDS}`,
    { input },
  );
}

export function updateChecklistItem(input: { id: string; text?: string; done?: boolean }): Promise<Answered<ChecklistItem>> {
  return mutate<ChecklistItem>(
    'updateChecklistItem',
    `mutation UpdateChecklistItem($input: UpdateChecklistItemInput!) { updateChecklistItem(input: $input) { ...ChecklistItemFields } } ${CHECKLIST_ITEM_FIELDS}`,
    { input },
  );
}

export function moveChecklistItem(input: { id: string; index: number }): Promise<Answered<ChecklistItem>> {
  return mutate<ChecklistItem>(
    'moveChecklistItem',
    `mutation MoveChecklistItem($input: MoveChecklistItemInput!) { moveChecklistItem(input: $input) { ...ChecklistItemFields } } ${CHECKLIST_ITEM_FIELDS}`,
    { input },
  );
}

export function deleteChecklistItem(id: string): Promise<Answered<DeletePayload>> {
  return mutate<DeletePayload>(
    'deleteChecklistItem',
    `mutation DeleteChecklistItem($id: ID!) { deleteChecklistItem(id: $id) { id success } }`,
    { id },
  );
}

export function addComment(input: { id: string; taskId: string; body: string }): Promise<Answered<Comment>> {
  return mutate<Comment>(
    'addComment',
    `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ...CommentFields } } ${COMMENT_FIELDS}`,
    { input },
  );
}

export function editComment(input: { id: string; body: string }): Promise<Answered<Comment>> {
  return mutate<Comment>(
    'editComment',
    `mutation EditComment($input: EditCommentInput!) { editComment(input: $input) { ...CommentFields } } ${COMMENT_FIELDS}`,
    { input },
  );
}

export function deleteComment(id: string): Promise<Answered<DeletePayload>> {
  return mutate<DeletePayload>(
    'deleteComment',
    `mutation DeleteComment($id: ID!) { deleteComment(id: $id) { id success } }`, { id },
  );
}

/** One page of a task's comments, oldest first; null when the task is gone or not ours to see. */
export async function fetchComments(taskId: string, after: string | null, first = 50): Promise<CommentPage | null> {
  const d = await graphql<{ task: { comments: CommentPage } | null }>(
    `query TaskComments($id: ID!, $first: Int, $after: ID) {
       task(id: $id) { id comments(first: $first, after: $after) { hasMore comments { ...CommentFields } } }
     } ${COMMENT_FIELDS}`,
    { id: taskId, first, after },
  );
  return d.task?.comments ?? null;
}
