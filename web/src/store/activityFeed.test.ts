import { describe, expect, it, vi } from 'vitest';
import type { Activity, ActivityPage } from '../api/types';
import { ANA, BEN } from '../test/fixtures';
import { ActivityFeed, initialFeed, mergeEntries, withNewer, withOlder, type FeedState } from './activityFeed';

const entry = (seq: number, summary = `change ${seq}`): Activity => ({
  seq,
  at: '2026-12-07T12:00:00Z',
  actor: seq % 2 ? ANA : BEN,
  type: 'task:updated',
  summary,
  taskId: 't1',
  columnId: null,
});
const entries = (...seqs: number[]) => seqs.map((s) => entry(s));
const ready = (seqs: number[], hasMore = false): FeedState => ({ ...initialFeed, status: 'ready', items: entries(...seqs), hasMore });
const seqs = (feed: FeedState) => feed.items.map((e) => e.seq);

describe('merging history entries', () => {
  it('keeps each seq once, newest first', () => {
    expect(mergeEntries(entries(9, 7, 5), entries(8, 7, 6)).map((e) => e.seq)).toEqual([9, 8, 7, 6, 5]);
  });

  it('prepends what is new, ignoring entries already held', () => {
    expect(seqs(withNewer(ready([5, 4, 3], true), { items: entries(7, 6, 5), hasMore: false }))).toEqual([7, 6, 5, 4, 3]);
  });

  it('starts again from the newest page when more is new than a page holds, leaving no gap', () => {
    const feed = withNewer(ready([5, 4, 3]), { items: entries(90, 89), hasMore: true });
    expect(seqs(feed)).toEqual([90, 89]);
    expect(feed.hasMore).toBe(true);
  });

  it('appends the next page down and knows when the beginning is reached', () => {
    const feed = withOlder({ ...ready([9, 8], true), loadingMore: true }, { items: entries(8, 7, 6), hasMore: false });
    expect(seqs(feed)).toEqual([9, 8, 7, 6]);
    expect(feed).toMatchObject({ hasMore: false, loadingMore: false });
  });
});

describe('an activity feed', () => {
  it('pages down from the oldest entry it holds', async () => {
    const fetchPage = vi.fn<(p: object) => Promise<ActivityPage>>()
      .mockResolvedValueOnce({ items: entries(10, 9), hasMore: true })
      .mockResolvedValueOnce({ items: entries(8, 7), hasMore: false });
    const feed = new ActivityFeed(fetchPage);
    await feed.start();
    await feed.more();
    expect(fetchPage.mock.calls).toEqual([[{ first: 50 }], [{ before: 9, first: 50 }]]);
    expect(seqs(feed.getSnapshot())).toEqual([10, 9, 8, 7]);
    await feed.more(); // the beginning is reached: nothing more is asked
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('makes one request at a time for a burst of board events, and one more for those that came meanwhile', async () => {
    let release!: () => void;
    const fetchPage = vi.fn<(p: { after?: number }) => Promise<ActivityPage>>()
      .mockResolvedValueOnce({ items: entries(3, 2, 1), hasMore: false })
      .mockImplementationOnce(() => new Promise((r) => (release = () => r({ items: entries(4), hasMore: false }))))
      .mockResolvedValueOnce({ items: entries(6, 5), hasMore: false });
    const feed = new ActivityFeed(fetchPage);
    await feed.start();
    const first = feed.refresh();
    void feed.refresh();
    void feed.refresh();
    release();
    await first;
    expect(fetchPage.mock.calls.slice(1)).toEqual([[{ after: 3, first: 50 }], [{ after: 4, first: 50 }]]);
    expect(seqs(feed.getSnapshot())).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('catches up after its first page when the board changed while that page loaded', async () => {
    let release!: () => void;
    const fetchPage = vi.fn<(p: object) => Promise<ActivityPage>>()
      .mockImplementationOnce(() => new Promise((r) => (release = () => r({ items: entries(2, 1), hasMore: false }))))
      .mockResolvedValueOnce({ items: entries(3), hasMore: false });
    const feed = new ActivityFeed(fetchPage);
    const starting = feed.start();
    void feed.refresh();
    release();
    await starting;
    expect(fetchPage.mock.calls[1]).toEqual([{ after: 2, first: 50 }]);
    expect(seqs(feed.getSnapshot())).toEqual([3, 2, 1]);
  });
});
