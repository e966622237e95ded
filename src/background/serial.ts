/**
 * Runs tasks one after another. The background is the single writer of stored state: two tabs and the
 * popup writing at once would otherwise read the same old list and one update would be lost.
 */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
