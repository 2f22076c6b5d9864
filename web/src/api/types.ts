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

export type LabelColor = 'GRAY' | 'RED' | 'ORANGE' | 'YELLOW' | 'GREEN' | 'TEAL' | 'BLUE' | 'PURPLE' | 'PINK';

export const labelColors: readonly LabelColor[] = ['GRAY', 'RED', 'ORANGE', 'YELLOW', 'GREEN', 'TEAL', 'BLUE', 'PURPLE', 'PINK'];

/** A label of one board; tasks carry label ids. */
export interface Label {
  id: string;
  boardId: string;
  name: string;
  color: LabelColor;
}

export interface ChecklistItem {
  id: string;
  taskId: string;
  text: string;
  done: boolean;
  rank: string;
}

/** A comment; its body is Markdown, shown without raw HTML. */
export interface Comment {
  id: string;
  taskId: string;
  author: User;
  body: string;
  createdAt: string;
  editedAt: string | null;
}

export interface CommentPage {
  comments: Comment[];
  hasMore: boolean;
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
  /** A calendar date, YYYY-MM-DD, or null. */
  dueDate: string | null;
  labelIds: string[];
  /** User ids; each is a member of the board. */
  assigneeIds: string[];
  /** Ordered by rank. */
  checklist: ChecklistItem[];
  commentCount: number;
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
  labels: Label[];
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

/** One entry of a board's (or a task's) history: a logged change, told as one sentence. */
export interface Activity {
  seq: number;
  at: string;
  actor: User;
  /** The event name, e.g. "task:moved". */
  type: string;
  /** One English sentence, names in curly quotes; always text, never HTML. */
  summary: string;
  taskId: string | null;
  columnId: string | null;
}

export interface ActivityPage {
  items: Activity[];
  hasMore: boolean;
}

/** A deleted task or column, as it was when deleted. */
export interface TrashItem {
  kind: 'task' | 'column';
  id: string;
  /** The task's title or the column's name. */
  title: string;
  deletedAt: string;
  deletedBy: User;
  /** A task's column. */
  columnId: string | null;
  /** How many tasks went with a column; null for a task. */
  taskCount: number | null;
}

/** Who made the later change that a CONFLICT refused ours over. */
export interface ChangedBy {
  id: string;
  name: string;
}
