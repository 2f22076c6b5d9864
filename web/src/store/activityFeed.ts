// A history list (the board's, or one task's), newest first: pages down as the reader scrolls,
// and takes in what is new whenever the board changes.
import type { Activity, ActivityPage } from '../api/types';
import { coalesce } from '../lib/coalesce';

export interface FeedState {
  status: 'loading' | 'ready' | 'failed';
  /** Newest first, one entry per seq. */
  items: Activity[];
  /** Older entries remain to be paged in. */
  hasMore: boolean;
  loadingMore: boolean;
  /** Paging down failed: the end shows a retry instead of "the beginning". */
  moreFailed: boolean;
}

export const initialFeed: FeedState = { status: 'loading', items: [], hasMore: false, loadingMore: false, moreFailed: false };

const bySeqDesc = (a: Activity, b: Activity) => b.seq - a.seq;

/** Entries of both lists, each seq once (the later copy wins), newest first. */
export function mergeEntries(held: readonly Activity[], fetched: readonly Activity[]): Activity[] {
  const bySeq = new Map<number, Activity>();
  for (const entry of held) bySeq.set(entry.seq, entry);
  for (const entry of fetched) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort(bySeqDesc);
}

/**
 * What is new since the newest entry held. When more is new than one page brings, the page
 * is the newest and a gap would open below it: the list starts again from that page.
 */
export function withNewer(feed: FeedState, page: ActivityPage): FeedState {
  if (page.hasMore) return { ...feed, items: [...page.items].sort(bySeqDesc), hasMore: true, moreFailed: false };
  return page.items.length === 0 ? feed : { ...feed, items: mergeEntries(feed.items, page.items) };
}

/** The next page down. */
export function withOlder(feed: FeedState, page: ActivityPage): FeedState {
  return { ...feed, items: mergeEntries(feed.items, page.items), hasMore: page.hasMore, loadingMore: false, moreFailed: false };
}

export const newestSeq = (feed: FeedState): number | undefined => feed.items[0]?.seq;
export const oldestSeq = (feed: FeedState): number | undefined => feed.items.at(-1)?.seq;

export type FetchActivity = (page: { before?: number; after?: number; first?: number }) => Promise<ActivityPage>;

/** How many entries a page holds. */
export const PAGE_SIZE = 50;

/**
 * The loading around a feed: the first page, paging down, and refreshes coalesced so that a
 * burst of board events makes one request at a time (and one more if events came meanwhile).
 */
export class ActivityFeed {
  private state: FeedState = initialFeed;
  private listeners = new Set<() => void>();
  /** A refresh asked for before the first page was in. */
  private refreshWanted = false;
  private closed = false;
  private readonly fetchPage: FetchActivity;

  constructor(fetchPage: FetchActivity) {
    this.fetchPage = fetchPage;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): FeedState => this.state;

  /** Loads the newest page (again, after a failure). */
  async start(): Promise<void> {
    this.set({ ...initialFeed });
    try {
      const page = await this.fetchPage({ first: PAGE_SIZE });
      this.set({ ...initialFeed, status: 'ready', items: [...page.items].sort(bySeqDesc), hasMore: page.hasMore });
    } catch (error) {
      console.warn('loading the history failed', error);
      this.set({ ...initialFeed, status: 'failed' });
      return;
    }
    if (this.refreshWanted) await this.refresh();
  }

  /** Pages down from the oldest entry held. */
  async more(): Promise<void> {
    const before = oldestSeq(this.state);
    if (this.state.status !== 'ready' || !this.state.hasMore || this.state.loadingMore || before === undefined) return;
    this.set({ ...this.state, loadingMore: true, moreFailed: false });
    try {
      const page = await this.fetchPage({ before, first: PAGE_SIZE });
      this.set(withOlder(this.state, page));
    } catch (error) {
      console.warn('loading older history failed', error);
      this.set({ ...this.state, loadingMore: false, moreFailed: true });
    }
  }

  /** The board changed: fetch what is new. One request at a time; calls meanwhile make one more. */
  refresh = coalesce(async () => {
    if (this.state.status !== 'ready' || this.closed) {
      this.refreshWanted = true;
      return;
    }
    this.refreshWanted = false;
    try {
      const page = await this.fetchPage({ after: newestSeq(this.state), first: PAGE_SIZE });
      this.set(withNewer(this.state, page));
    } catch (error) {
      // The next change tries again.
      console.warn('refreshing the history failed', error);
    }
  });

  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  private set(state: FeedState): void {
    if (this.closed) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
