import { useMemo } from 'react';
import type { BoardSummary } from '../api/types';
import { useSmallStore } from '../lib/smallStore';
import { useOutboxEntries } from '../offline/useOutboxEntries';
import { boardList } from './boardList';
import { layOverList, waitingBoards } from './boardListWrites';

export interface ListedBoards {
  /** Null until a list (the server's or the kept one) is there. */
  boards: BoardSummary[] | null;
  error: string | null;
  /** Boards created or renamed by a change still waiting to be sent. */
  waiting: ReadonlySet<string>;
}

/** The home page's list as the person should see it: with their waiting creates, renames and deletes on it. */
export function useListedBoards(): ListedBoards {
  const { boards, error } = useSmallStore(boardList);
  const entries = useOutboxEntries();
  return useMemo(() => ({ boards: boards && layOverList(boards, entries), error, waiting: waitingBoards(entries) }), [boards, error, entries]);
}
