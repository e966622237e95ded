/** One frame at 60 Hz: the most often KeyScope re-reads the form. */
const FRAME_MS = 16;

/**
 * Coalesces bursts of events and mutations into one run. A lone click runs right after the page's own
 * handlers (a microtask), so the panel answers within the same frame; a burst runs at most once per frame.
 */
export function frameBatcher(task: () => void, signal: AbortSignal): () => void {
  let pending = false;
  let lastRun = -Infinity;
  const run = () => {
    pending = false;
    if (signal.aborted) return;
    lastRun = performance.now();
    task();
  };
  return () => {
    if (pending || signal.aborted) return;
    pending = true;
    if (performance.now() - lastRun >= FRAME_MS) queueMicrotask(run);
    else requestAnimationFrame(run);
  };
}

/**
 * At most one run per `ms`, started by the first call after a quiet spell. For whole-page searches: on a page with
 * live tickers or an order book, mutations arrive every frame and a search per frame would cost a third of the main
 * thread (measured by `npm run bench`, 2026-11).
 */
export function throttled(task: () => void, ms: number, signal: AbortSignal): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  const run = () => {
    timer = undefined;
    if (signal.aborted) return;
    lastRun = performance.now();
    task();
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  return () => {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(run, Math.max(0, lastRun + ms - performance.now()));
  };
}
