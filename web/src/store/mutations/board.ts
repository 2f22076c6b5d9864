// Writes about the open board itself and its members.
import { isUnknownUser } from '../../api/errors';
import type { Member, Role } from '../../api/types';
import type { BoardStore } from '../boardStore';
import { track } from './track';

export function renameBoard(store: BoardStore, name: string): Promise<unknown> {
  const trimmed = name.trim();
  return track({
    store,
    kind: 'renameBoard',
    variables: { id: store.boardId, name: trimmed },
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
    kind: 'addMember',
    variables: { boardId: store.boardId, email: email.trim(), role },
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
    kind: 'changeRole',
    variables: { boardId: store.boardId, member, role },
    failure: 'Couldn’t change the role',
  });
}

export function removeMember(store: BoardStore, userId: string): Promise<unknown> {
  return track({
    store,
    kind: 'removeMember',
    variables: { boardId: store.boardId, userId },
    failure: 'Couldn’t remove the member',
  });
}
