import { useCallback } from 'react';
import { fetchTaskActivity } from '../../../api/history';
import { PAGE_SIZE, type FetchActivity } from '../../../store/activityFeed';
import type { BoardStore } from '../../../store/boardStore';
import { useBoardContext } from '../BoardContext';
import { ActivityList } from './ActivityList';
import { useActivityFeed } from './useActivityFeed';

/** A task's history in its dialog: its latest changes, refreshed when its events arrive. */
export function TaskHistory({ taskId }: { taskId: string }) {
  const { store } = useBoardContext();
  const fetchPage = useCallback<FetchActivity>(async () => ({ items: (await fetchTaskActivity(taskId, PAGE_SIZE)) ?? [], hasMore: false }), [taskId]);
  // The task as the server has it changes with each of its events (checklist and comments too).
  const watch = useCallback((s: BoardStore) => s.confirmed.tasks[taskId], [taskId]);
  const [feed, loader] = useActivityFeed(store, fetchPage, watch);
  const full = feed.items.length >= PAGE_SIZE;

  return (
    <section className="detail-section" aria-label="History">
      <h3 className="field-label">History</h3>
      <ActivityList
        feed={feed}
        label="Changes to this task"
        onRetry={() => void loader?.start()}
        beginning={full ? `The latest ${PAGE_SIZE} changes; the board’s Activity has them all.` : 'This is where the task’s history begins.'}
        empty="No changes yet."
      />
    </section>
  );
}
