/**
 * Runs `work` when the page has nothing else to do, or after `withinMs` at the latest; returns
 * its cancel. For work that can wait until what a person is looking at has been painted.
 */
export function whenIdle(work: () => void, withinMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: withinMs });
    return () => cancelIdleCallback(id);
  }
  // No idle callbacks (Safari): after the next paint, as soon as the work in hand is done.
  if (typeof requestAnimationFrame === 'function') {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(work);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
