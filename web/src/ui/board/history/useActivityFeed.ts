import { useEffect, useState, useSyncExternalStore } from 'react';
import { ActivityFeed, initialFeed, type FeedState, type FetchActivity } from '../../../store/activityFeed';
import type { BoardStore } from '../../../store/boardStore';

const noSubscribe = () => () => undefined;
const initial = () => initialFeed;

/**
 * A history list for as long as the component lives: its first page at once, and what is
 * new each time `watch(store)` changes (the board's seq, or one task). Both functions must
 * be stable (useCallback).
 */
export function useActivityFeed(store: BoardStore, fetchPage: FetchActivity, watch: (store: BoardStore) => unknown): [FeedState, ActivityFeed | null] {
  const [feed, setFeed] = useState<ActivityFeed | null>(null);
  useEffect(() => {
    const next = new ActivityFeed(fetchPage);
    // The feed lives exactly as long as this effect.
    // oxlint-disable-next-line react/set-state-in-effect
    setFeed(next);
    void next.start();
    let seen = watch(store);
    const off = store.subscribe(() => {
      const now = watch(store);
      if (now === seen) return;
      seen = now;
      void next.refresh();
    });
    return () => {
      off();
      next.close();
    };
  }, [store, fetchPage, watch]);
  const state = useSyncExternalStore(feed?.subscribe ?? noSubscribe, feed?.getSnapshot ?? initial);
  return [state, feed];
}
