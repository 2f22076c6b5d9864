// The contract's mutations, one thin typed call each. Optimism and reconciliation live in
// store/mutations; this file only speaks GraphQL.
import { COLUMN_FIELDS, MEMBER_FIELDS, TASK_FIELDS } from './fragments';
import { graphql } from './graphql';
import type { Column, ColumnWithTasks, DeletePayload, Member, Role, Task, User } from './types';

export async function updateProfile(name: string): Promise<User> {
  const d = await graphql<{ updateProfile: User }>(
    `mutation UpdateProfile($name: String!) { updateProfile(name: $name) { id name } }`,
    { name },
  );
  return d.updateProfile;
}

export async function createBoard(input: { id: string; name: string }): Promise<{ id: string; name: string }> {
  const d = await graphql<{ createBoard: { id: string; name: string } }>(
    `mutation CreateBoard($input: CreateBoardInput!) { createBoard(input: $input) { id name } }`,
    { input },
  );
  return d.createBoard;
}

export async function renameBoard(id: string, name: string): Promise<{ id: string; name: string }> {
  const d = await graphql<{ renameBoard: { id: string; name: string } }>(
    `mutation RenameBoard($id: ID!, $name: String!) { renameBoard(id: $id, name: $name) { id name } }`,
    { id, name },
  );
  return d.renameBoard;
}

export async function deleteBoard(id: string): Promise<DeletePayload> {
  const d = await graphql<{ deleteBoard: DeletePayload }>(
    `mutation DeleteBoard($id: ID!) { deleteBoard(id: $id) { id success } }`,
    { id },
  );
  return d.deleteBoard;
}

export async function addMember(boardId: string, email: string, role: Role): Promise<Member> {
  const d = await graphql<{ addMember: Member }>(
    `mutation AddMember($boardId: ID!, $email: String!, $role: Role!) {
       addMember(boardId: $boardId, email: $email, role: $role) { ...MemberFields }
     } ${MEMBER_FIELDS}`,
    { boardId, email, role },
  );
  return d.addMember;
}

export async function removeMember(boardId: string, userId: string): Promise<DeletePayload> {
  const d = await graphql<{ removeMember: DeletePayload }>(
    `mutation RemoveMember($boardId: ID!, $userId: ID!) { removeMember(boardId: $boardId, userId: $userId) { id success } }`,
    { boardId, userId },
  );
  return d.removeMember;
}

export async function createColumn(input: { id: string; boardId: string; name: string; index?: number }): Promise<Column> {
  const d = await graphql<{ createColumn: Column }>(
    `mutation CreateColumn($input: CreateColumnInput!) { createColumn(input: $input) { ...ColumnFields } } ${COLUMN_FIELDS}`,
    { input },
  );
  return d.createColumn;
}

export async function updateColumn(input: { id: string; name: string }): Promise<Column> {
  const d = await graphql<{ updateColumn: Column }>(
    `mutation UpdateColumn($input: UpdateColumnInput!) { updateColumn(input: $input) { ...ColumnFields } } ${COLUMN_FIELDS}`,
    { input },
  );
  return d.updateColumn;
}

export async function moveColumn(input: { id: string; index: number }): Promise<Column> {
  const d = await graphql<{ moveColumn: Column }>(
    `mutation MoveColumn($input: MoveColumnInput!) { moveColumn(input: $input) { ...ColumnFields } } ${COLUMN_FIELDS}`,
    { input },
  );
  return d.moveColumn;
}

export async function deleteColumn(id: string): Promise<DeletePayload> {
  const d = await graphql<{ deleteColumn: DeletePayload }>(
    `mutation DeleteColumn($id: ID!) { deleteColumn(id: $id) { id success } }`,
    { id },
  );
  return d.deleteColumn;
}

export async function createTask(input: {
  id: string;
  columnId: string;
  title: string;
  description?: string;
  index?: number;
}): Promise<Task> {
  const d = await graphql<{ createTask: Task }>(
    `mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { ...TaskFields } } ${TASK_FIELDS}`,
    { input },
  );
  return d.createTask;
}

export interface UpdateTaskInput {
  id: string;
  title?: string;
  description?: string;
  /** A date (YYYY-MM-DD), or null to clear it; omitted leaves it as it is. */
  dueDate?: string | null;
  addLabelIds?: string[];
  removeLabelIds?: string[];
  addAssigneeIds?: string[];
  removeAssigneeIds?: string[];
  expectedVersion?: number;
}

export async function updateTask(input: UpdateTaskInput): Promise<Task> {
  const d = await graphql<{ updateTask: Task }>(
    `mutation UpdateTask($input: UpdateTaskInput!) { updateTask(input: $input) { ...TaskFields } } ${TASK_FIELDS}`,
    { input },
  );
  return d.updateTask;
}

export async function moveTask(input: { id: string; columnId: string; index: number; expectedVersion?: number }): Promise<Task> {
  const d = await graphql<{ moveTask: Task }>(
    `mutation MoveTask($input: MoveTaskInput!) { moveTask(input: $input) { ...TaskFields } } ${TASK_FIELDS}`,
    { input },
  );
  return d.moveTask;
}

export async function deleteTask(id: string): Promise<DeletePayload> {
  const d = await graphql<{ deleteTask: DeletePayload }>(
    `mutation DeleteTask($id: ID!) { deleteTask(id: $id) { id success } }`,
    { id },
  );
  return d.deleteTask;
}

/** Brings a task back from the trash (a task not in the trash answers as it is). */
export async function restoreTask(id: string): Promise<Task> {
  const d = await graphql<{ restoreTask: Task }>(`mutation RestoreTask($id: ID!) { restoreTask(id: $id) { ...TaskFields } } ${TASK_FIELDS}`, { id });
  return d.restoreTask;
}

/** Brings a column back from the trash with the tasks deleted with it. */
export async function restoreColumn(id: string): Promise<ColumnWithTasks> {
  const d = await graphql<{ restoreColumn: ColumnWithTasks }>(
    `mutation RestoreColumn($id: ID!) { restoreColumn(id: $id) { ...ColumnFields tasks { ...TaskFields } } } ${COLUMN_FIELDS} ${TASK_FIELDS}`,
    { id },
  );
  return d.restoreColumn;
}
