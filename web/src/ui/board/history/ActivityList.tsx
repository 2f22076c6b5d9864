import { useCallback, useEffect, useRef } from 'react';
import type { Activity } from '../../../api/types';
import type { FeedState } from '../../../store/activityFeed';
import { Avatar } from '../../Avatar';
import { absoluteTime, relativeTime, useNow } from '../../time';

interface ActivityListProps {
  feed: FeedState;
  label: string;
  /** Opens the task an entry is about; entries of tasks not on the board are plain text. */
  onOpenTask?(taskId: string): void;
  isLive?(taskId: string): boolean;
  onMore?(): void;
  onRetry(): void;
  /** What the end of the whole list says. */
  beginning: string;
  empty: string;
}

/** History entries, newest first: who (avatar), what (a sentence, as text), when (relative). */
export function ActivityList({ feed, label, onOpenTask, isLive, onMore, onRetry, beginning, empty }: ActivityListProps) {
  const now = useNow();
  if (feed.status === 'loading') return <p className="muted" role="status">Loading the history…</p>;
  if (feed.status === 'failed') {
    return (
      <p className="form-error" role="alert">
        Couldn’t load the history. Check your connection, then{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          try again
        </button>
        .
      </p>
    );
  }
  if (feed.items.length === 0) return <p className="muted detail-empty">{empty}</p>;
  return (
    <ol className="activity-list" aria-label={label}>
      {feed.items.map((entry) => (
        <ActivityEntry key={entry.seq} entry={entry} now={now} onOpen={entry.taskId && onOpenTask && isLive?.(entry.taskId) ? () => onOpenTask(entry.taskId!) : undefined} />
      ))}
      {feed.hasMore && onMore ? (
        feed.moreFailed ? (
          <li className="activity-end">
            <span className="form-error">Couldn’t load older changes.</span>{' '}
            <button type="button" className="link-button" onClick={onMore}>
              Try again
            </button>
          </li>
        ) : (
          // Remounted for each page, so that a sentinel still in view asks for the next one.
          <Sentinel key={feed.items.length} onVisible={onMore} loading={feed.loadingMore} />
        )
      ) : (
        !feed.hasMore && <li className="activity-end muted">{beginning}</li>
      )}
    </ol>
  );
}

function ActivityEntry({ entry, now, onOpen }: { entry: Activity; now: number; onOpen?: () => void }) {
  return (
    <li className="activity-entry">
      <Avatar user={entry.actor} size="sm" />
      <div className="activity-main">
        {onOpen ? (
          <button type="button" className="activity-summary activity-link" dir="auto" onClick={onOpen}>
            {entry.summary}
          </button>
        ) : (
          <p className="activity-summary" dir="auto">
            {entry.summary}
          </p>
        )}
        <time className="muted activity-time" dateTime={entry.at} title={absoluteTime(entry.at)}>
          {relativeTime(entry.at, now)}
        </time>
      </div>
    </li>
  );
}

/** The end of the loaded list: asks for the next page when it comes into view. */
function Sentinel({ onVisible, loading }: { onVisible(): void; loading: boolean }) {
  const ref = useRef<HTMLLIElement>(null);
  const visible = useRef(onVisible);
  useEffect(() => {
    visible.current = onVisible;
  });
  const seen = useCallback((entries: IntersectionObserverEntry[]) => {
    if (entries.some((e) => e.isIntersecting)) visible.current();
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(seen, { rootMargin: '200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return (
    <li ref={ref} className="activity-end muted" role="status">
      {loading ? 'Loading older changes…' : 'Scroll for older changes.'}
    </li>
  );
}
