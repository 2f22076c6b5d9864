import { useCallback, useEffect, useRef, useState } from 'react';

/** Cards rendered at first, and added each time the list is scrolled near its end. */
export const CARDS_PER_PAGE = 30;

/**
 * How many of a column's cards to put in the page. A board of 2,000 cards took seconds to
 * render all at once; a column renders a first screenful and grows by a page whenever its
 * last rendered card comes within a screen of the list's visible area (by scroll, keyboard
 * focus, or a drag that auto-scrolls), so nothing is ever out of reach.
 * Returns the count and a ref for the element after the last rendered card (the sentinel),
 * whose parent is the scrolling list.
 */
export function useRenderedCount(total: number) {
  const [pages, setPages] = useState(1);
  const count = Math.min(total, pages * CARDS_PER_PAGE);
  const observer = useRef<IntersectionObserver | null>(null);

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
