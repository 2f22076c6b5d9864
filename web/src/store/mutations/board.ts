// Writes about the open board itself and its members.
import * as api from '../../api/commands';
import { isUnknownUser } from '../../api/errors';
import type { Member, Role } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { fetchMemberEmail } from '../../api/queries';
import { putMember, removeMember as removeLocal } from '../reducer';
import { track } from './track';

export function renameBoard(store: BoardStore, name: string): Promise<unknown> {
  const trimmed = name.trim();
  return track({
    store,
    key: 'board',
    optimistic: (s) => ({ ...s, name: trimmed }),
    send: () => api.renameBoard(store.boardId, trimmed),
    answered: (answer) => (s) => ({ ...s, name: answer.name }),
    failure: 'Couldn’t rename the board',
  });
}

/**
 * Adds a member by email, or changes the role of the member with that email. Not shown
 * before the answer: only the server knows who the email belongs to. An email with no account
 * goes to `onNoAccount` (the form says what to do) instead of a toast.
 */
export async function addMember(store: BoardStore, email: string, role: Role, onNoAccount?: () => void): Promise<Member | undefined> {
  const member = await track({
    store,
    key: `member:${email}`,
    optimistic: (s) => s,
    send: () => api.addMember(store.boardId, email.trim(), role),
    answered: (answer) => (s) => putMember(s, answer),
    failure: 'Couldn’t add the member',
    onError: (error) => {
      if (!onNoAccount || !isUnknownUser(error)) return false;
      onNoAccount();
      return true;
    },
  });
  return member;
}

/**
 * Changes a member's role: the contract does this through addMember, which needs the email.
 * A member who arrived by an event carries none (events go to every member), so it is read first.
 */
export function changeRole(store: BoardStore, member: Member, role: Role): Promise<Member | undefined> {
  return track({
    store,
    key: `member:${member.user.id}`,
    optimistic: (s) => putMember(s, { ...member, role }),
    send: async () => {
      const email = member.email ?? (await fetchMemberEmail(store.boardId, member.user.id));
      if (!email) throw new Error('Only an owner can change roles.');
      return api.addMember(store.boardId, email, role);
    },
    answered: (answer) => (s) => putMember(s, answer),
    failure: 'Couldn’t change the role',
  });
}

export function removeMember(store: BoardStore, userId: string): Promise<unknown> {
  return track({
    store,
    key: `member:${userId}`,
    optimistic: (s) => removeLocal(s, userId),
    send: () => api.removeMember(store.boardId, userId),
    answered: () => (s) => removeLocal(s, userId),
    failure: 'Couldn’t remove the member',
  });
}
