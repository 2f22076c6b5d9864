import { useCallback, useEffect, useRef, useState } from 'react';
import { whenIdle } from '../../lib/whenIdle';

/** Cards rendered at first, and added each time the list is scrolled near its end. */
export const CARDS_PER_PAGE = 30;

/** No card is shorter than this with the gap below it (a title alone is 43 px, and 8 apart). */
const SMALLEST_CARD_PX = 48;

/**
 * The cards that fill a column as tall as the window even if each is a title alone (so the first
 * paint shows no end of what is rendered), at most a page: 17 at 800 px, a page from 1,440 px.
 */
export function screenful(windowHeight: number): number {
  return Math.max(1, Math.min(CARDS_PER_PAGE, Math.ceil(windowHeight / SMALLEST_CARD_PX)));
}

/** How many of `total` cards are rendered: the first page (`first` of them), then a page per `pages` after it. */
export function renderedCount(total: number, first: number, pages: number): number {
  return Math.min(total, first + (pages - 1) * CARDS_PER_PAGE);
}

const windowScreenful = () => (typeof window === 'undefined' ? CARDS_PER_PAGE : screenful(window.innerHeight));

/**
 * How many of a column's cards to put in the page. A board of 2,000 cards took seconds to
 * render all at once; a column renders a first screenful and grows by a page whenever its
 * last rendered card comes within a screen of the list's visible area (by scroll, keyboard
 * focus, or a drag that auto-scrolls), so nothing is ever out of reach.
 * The first page comes in two steps: what fills the window, then the rest of it once the page
 * is idle (about half of a big board's first render and layout, below the fold, waited for the
 * first paint). Returns the count and a ref for the element after the last rendered card (the
 * sentinel), whose parent is the scrolling list.
 */
export function useRenderedCount(total: number) {
  const [pages, setPages] = useState(1);
  const [first, setFirst] = useState(windowScreenful);
  const count = renderedCount(total, first, pages);
  const observer = useRef<IntersectionObserver | null>(null);

  useEffect(() => (first < CARDS_PER_PAGE ? whenIdle(() => setFirst(CARDS_PER_PAGE), 1000) : undefined), [first]);

  const sentinel = useCallback(
    (element: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!element?.parentElement) return;
      observer.current = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setPages((p) => p + 1), {
        root: element.parentElement,
        rootMargin: '100% 0px',
      });
      observer.current.observe(element);
    },
    [],
  );
  useEffect(() => () => observer.current?.disconnect(), []);
  return { count, more: count < total, sentinel };
}
