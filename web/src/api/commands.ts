// The contract's mutations, one thin typed call each. Optimism and reconciliation live in
// store/mutations; this file only speaks GraphQL.
import { COLUMN_FIELDS, MEMBER_FIELDS, TASK_FIELDS } from './fragments';
import { graphql, mutate, type Answered } from './graphql';
import type { Column, ColumnWithTasks, DeletePayload, Member, Role, Task, User } from './types';

export async function updateProfile(name: string): Promise<User> {
  const d = await graphql<{ updateProfile: User }>(
    `mutation UpdateProfile($name: String!) { updateProfile(name: $name) { id name } }`,
    { name },
  );
  return d.updateProfile;
}

/** A new board starts at seq 0 with no event: its answer carries no seq. The same ID again answers the board (a retry). */
export function createBoard(input: { id: string; name: string }): Promise<Answered<{ id: string; name: string }>> {
  return mutate<{ id: string; name: string }>(
    'createBoard',
    `mutation CreateBoard($input: CreateBoardInput!) { createBoard(input: $input) { id name } }`,
    { input },
  );
}

export function renameBoard(id: string, name: string): Promise<Answered<{ id: string; name: string }>> {
  return mutate<{ id: string; name: string }>(
    'renameBoard',
    `mutation RenameBoard($id: ID!, $name: String!) { renameBoard(id: $id, name: $name) { id name } }`,
    { id, name },
  );
}

export function deleteBoard(id: string): Promise<Answered<DeletePayload>> {
  return mutate<DeletePayload>('deleteBoard', `mutation DeleteBoard($id: ID!) { deleteBoard(id: $id) { id success } }`, { id });
}

export function addMember(boardId: string, email: string, role: Role): Promise<Answered<Member>> {
  return mutate<Member>(
    'addMember',
    `mutation AddMember($boardId: ID!, $email: String!, $role: Role!) {
       addMember(boardId: $boardId, email: $email, role: $role) { ...MemberFields }
     } ${MEMBER_FIELDS}`,
    { boardId, email, role },
  );
}

export function removeMember(boardId: string, userId: string): Promise<Answered<DeletePayload>> {
  return mutate<DeletePayload>(
    'removeMember',
    `mutation RemoveMember($boardId: ID!, $userId: ID!) { removeMember(boardId: $boardId, userId: $userId) { id success } }`,
    { boardId, userId },
  );
}

export function createColumn(input: { id: string; boardId: string; name: string; index?: number }): Promise<Answered<Column>> {
  return mutate<Column>(
    'createColumn',
    `mutation CreateColumn($input: CreateColumnInput!) { createColumn(input: $input) { ...ColumnFields } } ${COLUMN_FIELDS}`,
    { input },
  );
}

export function updateColumn(input: { id: string; name: string }): Promise<Answered<Column>> {
  return mutate<Column>(
    'updateColumn',
    `mutation UpdateColumn($input: UpdateColumnInput!) { updateColumn(input: $input) { ...ColumnFields } } ${COLUMN_FIELDS}`,
    { input },
  );
}

export function moveColumn(input: { id: string; index: number }): Promise<Answered<Column>> {
  return mutate<Column>(
    'moveColumn',
    `mutation MoveColumn($input: MoveColumnInput!) { moveColumn(input: $input) { ...ColumnFields } } ${COLUMN_FIELDS}`,
    { input },
  );
}

export function deleteColumn(id: string): Promise<Answered<DeletePayload>> {
  return mutate<DeletePayload>(
    'deleteColumn',
    `mutation DeleteColumn($id: ID!) { deleteColumn(id: $id) { id success } }`,
    { id },
  );
}

export function createTask(input: {
  id: string;
  columnId: string;
  title: string;
  description?: string;
  index?: number;
}): Promise<Answered<Task>> {
  return mutate<Task>(
    'createTask',
    `mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { ...TaskFields } } ${TASK_FIELDS}`,
    { input },
  );
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

export function updateTask(input: UpdateTaskInput): Promise<Answered<Task>> {
  return mutate<Task>(
    'updateTask',
    `mutation UpdateTask($input: UpdateTaskInput!) { updateTask(input: $input) { ...TaskFields } } ${TASK_FIELDS}`,
    { input },
  );
}

export function moveTask(input: { id: string; columnId: string; index: number; expectedVersion?: number }): Promise<Answered<Task>> {
  return mutate<Task>(
    'moveTask',
    `mutation MoveTask($input: MoveTaskInput!) { moveTask(input: $input) { ...TaskFields } } ${TASK_FIELDS}`,
    { input },
  );
}

export function deleteTask(id: string): Promise<Answered<DeletePayload>> {
  return mutate<DeletePayload>(
    'deleteTask',
    `mutation DeleteTask($id: ID!) { deleteTask(id: $id) { id success } }`,
    { id },
  );
}

/** Brings a task back from the trash (a task not in the trash answers as it is). */
export function restoreTask(id: string): Promise<Answered<Task>> {
  return mutate<Task>(
    'restoreTask',
    `mutation RestoreTask($id: ID!) { restoreTask(id: $id) { ...TaskFields } } ${TASK_FIELDS}`, { id },
  );
}

/** Brings a column back from the trash with the tasks deleted with it. */
export function restoreColumn(id: string): Promise<Answered<ColumnWithTasks>> {
  return mutate<ColumnWithTasks>(
    'restoreColumn',
    `mutation RestoreColumn($id: ID!) { restoreColumn(id: $id) { ...ColumnFields tasks { ...TaskFields } } } ${COLUMN_FIELDS} ${TASK_FIELDS}`,
    { id },
  );
}
