import { describe, expect, it } from 'vitest';
import { CARDS_PER_PAGE, renderedCount, screenful } from './useRenderedCount';

describe('the cards a column renders', () => {
  it('first fills a column as tall as the window with the smallest cards, at most a page', () => {
    expect(screenful(800)).toBe(17); // 17 title-only cards take 17 × 51 = 867 px: more than the window
    expect(screenful(800) * 51).toBeGreaterThan(800);
    expect(screenful(1440)).toBe(CARDS_PER_PAGE);
    expect(screenful(4000)).toBe(CARDS_PER_PAGE);
    expect(screenful(0)).toBe(1);
  });

  it('grows by a page from the first, never past the tasks there are', () => {
    expect(renderedCount(400, 17, 1)).toBe(17);
    expect(renderedCount(400, CARDS_PER_PAGE, 1)).toBe(30); // the rest of the first page, once the page was idle
    expect(renderedCount(400, 17, 2)).toBe(47); // scrolled before that: the count only grows
    expect(renderedCount(400, CARDS_PER_PAGE, 2)).toBe(60);
    expect(renderedCount(5, 17, 1)).toBe(5);
    expect(renderedCount(0, 17, 3)).toBe(0);
  });
});
