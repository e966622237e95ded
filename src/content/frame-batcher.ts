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
