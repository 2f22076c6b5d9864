// GraphQL of a task's detail: the board's labels, a task's checklist and its comments.
// One thin typed call each; optimism and reconciliation live in store/mutations.
import { CHECKLIST_ITEM_FIELDS, COMMENT_FIELDS, LABEL_FIELDS } from './fragments';
import { graphql } from './graphql';
import type { ChecklistItem, Comment, CommentPage, DeletePayload, Label, LabelColor } from './types';

export async function createLabel(input: { id: string; boardId: string; name: string; color: LabelColor }): Promise<Label> {
  const d = await graphql<{ createLabel: Label }>(
    `mutation CreateLabel($input: CreateLabelInput!) { createLabel(input: $input) { ...LabelFields } } ${LABEL_FIELDS}`,
    { input },
  );
  return d.createLabel;
}

export async function updateLabel(input: { id: string; name?: string; color?: LabelColor }): Promise<Label> {
  const d = await graphql<{ updateLabel: Label }>(
    `mutation UpdateLabel($input: UpdateLabelInput!) { updateLabel(input: $input) { ...LabelFields } } ${LABEL_FIELDS}`,
    { input },
  );
  return d.updateLabel;
}

export async function deleteLabel(id: string): Promise<DeletePayload> {
  const d = await graphql<{ deleteLabel: DeletePayload }>(`mutation DeleteLabel($id: ID!) { deleteLabel(id: $id) { id success } }`, { id });
  return d.deleteLabel;
}

export async function addChecklistItem(input: { id: string; taskId: string; text: string; index?: number }): Promise<ChecklistItem> {
  const d = await graphql<{ addChecklistItem: ChecklistItem }>(
    `mutation AddChecklistItem($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { ...ChecklistItemFields } } ${CHECKLIST_ITEM_FIELDS}`,
    { input },
  );
  return d.addChecklistItem;
}

export async function updateChecklistItem(input: { id: string; text?: string; done?: boolean }): Promise<ChecklistItem> {
  const d = await graphql<{ updateChecklistItem: ChecklistItem }>(
    `mutation UpdateChecklistItem($input: UpdateChecklistItemInput!) { updateChecklistItem(input: $input) { ...ChecklistItemFields } } ${CHECKLIST_ITEM_FIELDS}`,
    { input },
  );
  return d.updateChecklistItem;
}

export async function moveChecklistItem(input: { id: string; index: number }): Promise<ChecklistItem> {
  const d = await graphql<{ moveChecklistItem: ChecklistItem }>(
    `mutation MoveChecklistItem($input: MoveChecklistItemInput!) { moveChecklistItem(input: $input) { ...ChecklistItemFields } } ${CHECKLIST_ITEM_FIELDS}`,
    { input },
  );
  return d.moveChecklistItem;
}

export async function deleteChecklistItem(id: string): Promise<DeletePayload> {
  const d = await graphql<{ deleteChecklistItem: DeletePayload }>(
    `mutation DeleteChecklistItem($id: ID!) { deleteChecklistItem(id: $id) { id success } }`,
    { id },
  );
  return d.deleteChecklistItem;
}

export async function addComment(input: { id: string; taskId: string; body: string }): Promise<Comment> {
  const d = await graphql<{ addComment: Comment }>(
    `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ...CommentFields } } ${COMMENT_FIELDS}`,
    { input },
  );
  return d.addComment;
}

export async function editComment(input: { id: string; body: string }): Promise<Comment> {
  const d = await graphql<{ editComment: Comment }>(
    `mutation EditComment($input: EditCommentInput!) { editComment(input: $input) { ...CommentFields } } ${COMMENT_FIELDS}`,
    { input },
  );
  return d.editComment;
}

export async function deleteComment(id: string): Promise<DeletePayload> {
  const d = await graphql<{ deleteComment: DeletePayload }>(`mutation DeleteComment($id: ID!) { deleteComment(id: $id) { id success } }`, { id });
  return d.deleteComment;
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
