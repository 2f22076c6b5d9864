// Every board write as data: a kind and its variables. Data, not a closure, so that it can
// wait in the outbox (IndexedDB) across reloads and tabs and still be sent and shown: each
// kind names the mutation it sends, how it shows before the server confirms it (a pure
// function of the variables), and how the server's answer shows until the board's seq
// reaches the answer's.
import * as api from '../api/commands';
import * as detail from '../api/taskDetail';
import type { Answered } from '../api/graphql';
import { fetchMemberEmail } from '../api/queries';
import type { ChecklistItem, Column, ColumnWithTasks, Comment, DeletePayload, Label, LabelColor, Member, Role, Task } from '../api/types';
import type { BoardState } from './boardState';
import { editTask, moveTaskTo, placeColumn, placeTask, moveColumnTo, renameColumn } from './localChanges';
import { rankBetween } from './rank';
import { putColumn, putMember, removeColumn, removeMember, removeTask, restoreColumn, upsertTask } from './reducer';
import {
  addComment,
  applyDelta,
  changeTask,
  patchChecklistItem,
  patchComment,
  patchLabel,
  putChecklistItem,
  putLabel,
  removeChecklistItem,
  removeComment,
  removeLabel,
} from './taskDetail';

type Change = (state: BoardState) => BoardState;

/** What showing a write may use besides its variables: when it was made. */
export interface Made {
  at: string;
}

interface Kind<V, T> {
  send(v: V): Promise<Answered<T>>;
  /** How it shows at once (and again after a reload) until answered. */
  shown(v: V, made: Made): Change;
  /** How the server's answer shows until the board's seq reaches it. */
  answered(answer: T, v: V): Change;
  /** A delete whose item is gone already (someone else deleted it, or our first try went through): done. */
  goneIsDone?: true;
  /** A create carrying the ID the client chose: its CONFLICT is about that ID, which sending it again would meet again. */
  createsById?: true;
}

const kind = <V, T>(k: Kind<V, T>) => k;
const same: Change = (s) => s;

/** A placeholder rank that puts a checklist item at `index` of the list without it (the server picks the real one). */
function checklistRank(state: BoardState, taskId: string, itemId: string, index: number | undefined): string {
  const siblings = (state.tasks[taskId]?.checklist ?? []).filter((i) => i.id !== itemId);
  const i = index === undefined ? siblings.length : Math.min(Math.max(index, 0), siblings.length);
  return rankBetween(siblings[i - 1]?.rank ?? null, siblings[i]?.rank ?? null);
}

const inThread = (state: BoardState, taskId: string, commentId: string) => state.comments[taskId]?.comments.find((c) => c.id === commentId);
/** A comment as the one who posts it sees it; counted only where the thread lacks it. */
const showComment = (comment: Comment) => (s: BoardState) => (inThread(s, comment.taskId, comment.id) ? s : addComment(s, comment));
const goneComment = (taskId: string, commentId: string) => (s: BoardState) =>
  s.comments[taskId] && !inThread(s, taskId, commentId) ? s : removeComment(s, taskId, commentId);
const me = (s: BoardState) => s.members[s.me ?? '']?.user ?? { id: s.me ?? '', name: '' };
/** The answer for a column, unless the column is gone meanwhile. */
const showColumn = (answer: Column) => (s: BoardState) => (answer.id in s.columns ? putColumn(s, answer) : s);
const showTask = (answer: Task) => (s: BoardState) => upsertTask(s, answer);

export type UpdateTaskInput = api.UpdateTaskInput;
type TaskInput = { id: string; columnId: string; title: string; description?: string; index?: number };

export const kinds = {
  // The board list's writes (how they show in the list: boardListWrites.ts). On a board's own
  // state a create or delete shows nothing before the server has it.
  createBoard: kind<{ input: { id: string; name: string } }, { id: string; name: string }>({
    createsById: true,
    send: (v) => api.createBoard(v.input),
    shown: () => same,
    answered: () => same,
  }),
  deleteBoard: kind<{ id: string }, DeletePayload>({
    send: (v) => api.deleteBoard(v.id),
    shown: () => same,
    answered: () => same,
    goneIsDone: true,
  }),
  renameBoard: kind<{ id: string; name: string }, { id: string; name: string }>({
    send: (v) => api.renameBoard(v.id, v.name),
    shown: (v) => (s) => ({ ...s, name: v.name }),
    answered: (a) => (s) => ({ ...s, name: a.name }),
  }),
  addMember: kind<{ boardId: string; email: string; role: Role }, Member>({
    send: (v) => api.addMember(v.boardId, v.email, v.role),
    // Only the server knows who the email belongs to.
    shown: () => same,
    answered: (a) => (s) => putMember(s, a),
  }),
  /** addMember by the member's ID: the email is read when sent (a member from an event carries none). */
  changeRole: kind<{ boardId: string; member: Member; role: Role }, Member>({
    send: async (v) => {
      const email = v.member.email ?? (await fetchMemberEmail(v.boardId, v.member.user.id));
      if (!email) throw new Error('Only an owner can change roles.');
      return api.addMember(v.boardId, email, v.role);
    },
    shown: (v) => (s) => putMember(s, { ...v.member, role: v.role }),
    answered: (a) => (s) => putMember(s, a),
  }),
  removeMember: kind<{ boardId: string; userId: string }, DeletePayload>({
    send: (v) => api.removeMember(v.boardId, v.userId),
    shown: (v) => (s) => removeMember(s, v.userId),
    answered: (_, v) => (s) => removeMember(s, v.userId),
  }),
  createColumn: kind<{ input: { id: string; boardId: string; name: string } }, Column>({
    createsById: true,
    send: (v) => api.createColumn(v.input),
    shown: (v) => (s) => placeColumn(s, { ...v.input, rank: '' }),
    answered: (a) => (s) => putColumn(s, a),
  }),
  updateColumn: kind<{ input: { id: string; name: string } }, Column>({
    send: (v) => api.updateColumn(v.input),
    shown: (v) => (s) => renameColumn(s, v.input.id, v.input.name),
    answered: showColumn,
  }),
  moveColumn: kind<{ input: { id: string; index: number } }, Column>({
    send: (v) => api.moveColumn(v.input),
    shown: (v) => (s) => moveColumnTo(s, v.input.id, v.input.index),
    answered: showColumn,
  }),
  deleteColumn: kind<{ id: string }, DeletePayload>({
    send: (v) => api.deleteColumn(v.id),
    shown: (v) => (s) => removeColumn(s, v.id),
    answered: (_, v) => (s) => removeColumn(s, v.id),
    goneIsDone: true,
  }),
  restoreColumn: kind<{ id: string }, ColumnWithTasks>({
    send: (v) => api.restoreColumn(v.id),
    // The trash holds only its name: shown once answered.
    shown: () => same,
    answered: (a) => (s) => restoreColumn(s, a),
  }),
  createTask: kind<{ input: TaskInput }, Task>({
    createsById: true,
    send: (v) => api.createTask(v.input),
    shown: (v, made) => (s) => {
      const { id, columnId, title } = v.input;
      const task: Task = {
        id,
        boardId: s.id,
        columnId,
        title,
        description: v.input.description ?? '',
        rank: '',
        version: 0, // any version the server gives wins
        createdAt: made.at,
        updatedAt: made.at,
        dueDate: null,
        labelIds: [],
        assigneeIds: [],
        checklist: [],
        commentCount: 0,
        createdBy: me(s),
      };
      return placeTask(s, task, columnId, v.input.index);
    },
    answered: showTask,
  }),
  updateTask: kind<{ input: UpdateTaskInput }, Task>({
    send: (v) => api.updateTask(v.input),
    shown: (v) => (s) => {
      const { id, addLabelIds, removeLabelIds, addAssigneeIds, removeAssigneeIds, expectedVersion: _, title, description, dueDate } = v.input;
      const fields = { ...(title !== undefined && { title }), ...(description !== undefined && { description }) };
      return changeTask(editTask(s, id, fields), id, (t) => ({
        ...t,
        ...(dueDate !== undefined && { dueDate }),
        labelIds: applyDelta(t.labelIds, addLabelIds, removeLabelIds),
        assigneeIds: applyDelta(t.assigneeIds, addAssigneeIds, removeAssigneeIds),
      }));
    },
    answered: showTask,
  }),
  moveTask: kind<{ input: { id: string; columnId: string; index: number; expectedVersion?: number } }, Task>({
    send: (v) => api.moveTask(v.input),
    shown: (v) => (s) => moveTaskTo(s, v.input.id, v.input.columnId, v.input.index),
    answered: showTask,
  }),
  deleteTask: kind<{ id: string }, DeletePayload>({
    send: (v) => api.deleteTask(v.id),
    shown: (v) => (s) => removeTask(s, v.id),
    answered: (_, v) => (s) => removeTask(s, v.id),
    goneIsDone: true,
  }),
  restoreTask: kind<{ id: string }, Task>({
    send: (v) => api.restoreTask(v.id),
    shown: () => same,
    answered: showTask,
  }),
  createLabel: kind<{ input: Label }, Label>({
    createsById: true,
    send: (v) => detail.createLabel(v.input),
    shown: (v) => (s) => putLabel(s, v.input),
    answered: (a) => (s) => putLabel(s, a),
  }),
  updateLabel: kind<{ input: { id: string; name?: string; color?: LabelColor } }, Label>({
    send: (v) => detail.updateLabel(v.input),
    shown: (v) => (s) => {
      const { id, ...updates } = v.input;
      return patchLabel(s, id, updates);
    },
    answered: (a) => (s) => patchLabel(s, a.id, { name: a.name, color: a.color }),
  }),
  deleteLabel: kind<{ id: string }, DeletePayload>({
    send: (v) => detail.deleteLabel(v.id),
    shown: (v) => (s) => removeLabel(s, v.id),
    answered: (_, v) => (s) => removeLabel(s, v.id),
    goneIsDone: true,
  }),
  addChecklistItem: kind<{ input: { id: string; taskId: string; text: string; index?: number } }, ChecklistItem>({
    createsById: true,
    send: (v) => detail.addChecklistItem(v.input),
    shown: (v) => (s) => {
      const { id, taskId, text, index } = v.input;
      return putChecklistItem(s, { id, taskId, text, done: false, rank: checklistRank(s, taskId, id, index) });
    },
    answered: (a) => (s) => putChecklistItem(s, a),
  }),
  updateChecklistItem: kind<{ taskId: string; input: { id: string; text?: string; done?: boolean } }, ChecklistItem>({
    send: (v) => detail.updateChecklistItem(v.input),
    shown: (v) => (s) => {
      const { id, ...updates } = v.input;
      return patchChecklistItem(s, v.taskId, id, updates);
    },
    answered: (a, v) => (s) => patchChecklistItem(s, v.taskId, a.id, { text: a.text, done: a.done }),
  }),
  moveChecklistItem: kind<{ taskId: string; input: { id: string; index: number } }, ChecklistItem>({
    send: (v) => detail.moveChecklistItem(v.input),
    shown: (v) => (s) => patchChecklistItem(s, v.taskId, v.input.id, { rank: checklistRank(s, v.taskId, v.input.id, v.input.index) }),
    answered: (a, v) => (s) => patchChecklistItem(s, v.taskId, a.id, { rank: a.rank }),
  }),
  deleteChecklistItem: kind<{ taskId: string; id: string }, DeletePayload>({
    send: (v) => detail.deleteChecklistItem(v.id),
    shown: (v) => (s) => removeChecklistItem(s, v.taskId, v.id),
    answered: (_, v) => (s) => removeChecklistItem(s, v.taskId, v.id),
    goneIsDone: true,
  }),
  addComment: kind<{ input: { id: string; taskId: string; body: string } }, Comment>({
    createsById: true,
    send: (v) => detail.addComment(v.input),
    shown: (v, made) => (s) => showComment({ ...v.input, author: me(s), createdAt: made.at, editedAt: null })(s),
    answered: (a) => showComment(a),
  }),
  editComment: kind<{ taskId: string; input: { id: string; body: string } }, Comment>({
    send: (v) => detail.editComment(v.input),
    shown: (v, made) => (s) => patchComment(s, v.taskId, v.input.id, { body: v.input.body, editedAt: made.at }),
    answered: (a, v) => (s) => patchComment(s, v.taskId, a.id, { body: a.body, editedAt: a.editedAt }),
  }),
  deleteComment: kind<{ taskId: string; id: string }, DeletePayload>({
    send: (v) => detail.deleteComment(v.id),
    shown: (v) => goneComment(v.taskId, v.id),
    answered: (_, v) => goneComment(v.taskId, v.id),
    goneIsDone: true,
  }),
};

export type Kinds = typeof kinds;
export type WriteKind = keyof Kinds;
export type VarsOf<K extends WriteKind> = Kinds[K] extends Kind<infer V, unknown> ? V : never;
export type AnswerOf<K extends WriteKind> = Kinds[K] extends Kind<never, infer T> ? T : never;

/** One board write as data. */
export type Write<K extends WriteKind = WriteKind> = { [P in K]: { kind: P; variables: VarsOf<P> } }[K];

// The registry seen without its per-kind types, for code that holds writes of any kind.
const anyKind = (kindName: string): Kind<unknown, unknown> | undefined => (kinds as unknown as Record<string, Kind<unknown, unknown>>)[kindName];

export function isWriteKind(name: string): name is WriteKind {
  return anyKind(name) !== undefined;
}

export function sendWrite(kindName: string, variables: unknown): Promise<Answered<unknown>> {
  const k = anyKind(kindName);
  return k ? k.send(variables) : Promise.reject(new Error(`unknown write ${kindName}`));
}

export function shownWrite(kindName: string, variables: unknown, made: Made): Change {
  return anyKind(kindName)?.shown(variables, made) ?? same;
}

export function answeredWrite(kindName: string, answer: unknown, variables: unknown): Change {
  return anyKind(kindName)?.answered(answer, variables) ?? same;
}

/** Whether a write creates an item under the ID the client chose. */
export const createsById = (kindName: string): boolean => anyKind(kindName)?.createsById === true;

/** Whether a refusal means the write is done already (a delete of what is gone): answered as a success. */
export function goneIsDone(kindName: string, variables: unknown): DeletePayload | null {
  const v = variables as { id?: unknown };
  return anyKind(kindName)?.goneIsDone && typeof v.id === 'string' ? { id: v.id, success: true } : null;
}
