import { BOARD_FIELDS } from './fragments';
import { graphql } from './graphql';
import type { BoardSnapshot, BoardSummary, LoggedEvent, Member, User } from './types';

export async function fetchMe(): Promise<User> {
  const data = await graphql<{ me: User }>(`query Me { me { id name } }`);
  return data.me;
}

export async function fetchBoards(me: User): Promise<BoardSummary[]> {
  const data = await graphql<{ boards: { id: string; name: string; members: Member[] }[] }>(
    `query Boards { boards { id name members { role user { id } } } }`,
  );
  return data.boards.map((b) => ({
    id: b.id,
    name: b.name,
    role: b.members.find((m) => m.user.id === me.id)?.role ?? null,
    memberCount: b.members.length,
  }));
}

/** The whole board, or null when it does not exist or the caller is no member. */
export async function fetchBoard(id: string): Promise<BoardSnapshot | null> {
  const data = await graphql<{ board: BoardSnapshot | null }>(
    `query Board($id: ID!) { board(id: $id) { ...BoardFields } } ${BOARD_FIELDS}`,
    { id },
  );
  return data.board;
}


export interface EventPage {
  events: LoggedEvent[];
  hasMore: boolean;
  resetRequired: boolean;
}

export async function fetchBoardEvents(boardId: string, afterSeq: number, first = 500): Promise<EventPage> {
  const data = await graphql<{ boardEvents: EventPage }>(
    `query BoardEvents($boardId: ID!, $afterSeq: Long!, $first: Int) {
       boardEvents(boardId: $boardId, afterSeq: $afterSeq, first: $first) {
         hasMore resetRequired events { seq type payload origin at actor { id name } }
       }
     }`,
    { boardId, afterSeq, first },
  );
  return data.boardEvents;
}

/** A member's email, which only an OWNER may read: how addMember addresses them to change the role. */
export async function fetchMemberEmail(boardId: string, userId: string): Promise<string | null> {
  const data = await graphql<{ board: { members: { email: string | null; user: { id: string } }[] } | null }>(
    `query MemberEmails($id: ID!) { board(id: $id) { members { email user { id } } } }`,
    { id: boardId },
  );
  return data.board?.members.find((m) => m.user.id === userId)?.email ?? null;
}
