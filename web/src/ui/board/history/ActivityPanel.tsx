import { useCallback } from 'react';
import { fetchBoardActivity } from '../../../api/history';
import type { FetchActivity } from '../../../store/activityFeed';
import type { BoardStore } from '../../../store/boardStore';
import { Dialog } from '../../Dialog';
import { useBoardContext } from '../BoardContext';
import { ActivityList } from './ActivityList';
import { useActivityFeed } from './useActivityFeed';

const boardSeq = (store: BoardStore) => store.seq;

/** The board's history in a side panel (a full-width sheet on a phone), live while it is open. */
export function ActivityPanel({ onClose }: { onClose(): void }) {
  const { store, openTask } = useBoardContext();
  const fetchPage = useCallback<FetchActivity>((page) => fetchBoardActivity(store.boardId, page), [store.boardId]);
  const [feed, loader] = useActivityFeed(store, fetchPage, boardSeq);

  return (
    <Dialog title="Activity" onClose={onClose} className="dialog-drawer">
      <p className="muted drawer-intro">Every change on this board, newest first. Select a change to open its task.</p>
      <ActivityList
        feed={feed}
        label="Changes on this board"
        onOpenTask={(taskId) => {
          onClose();
          openTask(taskId);
        }}
        isLive={(taskId) => taskId in store.getSnapshot().board.tasks}
        onMore={() => void loader?.more()}
        onRetry={() => void loader?.start()}
        beginning="This is where the board’s history begins."
        empty="Nothing has happened on this board yet."
      />
    </Dialog>
  );
}
