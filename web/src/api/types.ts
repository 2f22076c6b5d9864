// The model as the contract describes it: what the board query returns and events carry.

export type Role = 'OWNER' | 'EDITOR' | 'VIEWER';

export interface User {
  id: string;
  name: string;
}

export interface Member {
  user: User;
  role: Role;
  /** Only an OWNER sees it (to address the member in addMember); null for everyone else and in events. */
  email: string | null;
}

export interface Task {
  id: string;
  boardId: string;
  columnId: string;
  title: string;
  description: string;
  rank: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: User;
}

/** A column as the store keeps it: its tasks live in the store's task map. */
export interface Column {
  id: string;
  boardId: string;
  name: string;
  rank: string;
}

/** A column as the server sends it (board query, JoinBoard snapshot, column:created). */
export interface ColumnWithTasks extends Column {
  tasks?: Task[];
}

/** The whole board, as the `board` query and JoinBoard's `snapshot` give it. */
export interface BoardSnapshot {
  id: string;
  name: string;
  seq: number;
  columns: ColumnWithTasks[];
  members: Member[];
}

/** A board in the list on the home page. */
export interface BoardSummary {
  id: string;
  name: string;
  role: Role | null;
  memberCount: number;
}

export interface DeletePayload {
  id: string;
  success: boolean;
}

export const canEdit = (role: Role | null | undefined): boolean => role === 'OWNER' || role === 'EDITOR';

/** One logged event as `boardEvents` gives it; `payload` is the pushed event object. */
export interface LoggedEvent {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actor: User;
  origin: string | null;
  at: string;
}
