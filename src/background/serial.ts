/**
 * Runs tasks one after another. The background is the single writer of stored state: two tabs and the
 * popup writing at once would otherwise read the same old list and one update would be lost.
 * (Stored state itself goes through {@link batchedWriter}; this orders side effects such as script registration.)
 */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** One change to one stored item: the next value (the same object when nothing changes) and what the caller gets. */
export interface Applied<V, T> {
  next: V;
  result: T;
}

/** How the writer reads and writes the stored items of state `S` (one storage key per field). */
export interface BatchStorage<S> {
  /** Reads these items, each validated. */
  load<K extends keyof S>(keys: readonly K[]): Promise<Pick<S, K>>;
  /** Writes these items in one storage call: all of them or, when it rejects, none. */
  save(changed: Partial<S>): Promise<void>;
  /** Told after every successful save, with what it wrote. */
  saved?(changed: Partial<S>): void;
}

interface Queued<S> {
  key: keyof S;
  apply: (value: never) => Applied<unknown, unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The single writer of stored state, batching: every read-modify-write of a stored item is a pure `apply` on the
 * item's current value, run one batch at a time. Changes that arrive while a batch is being written wait, and are
 * then applied together, in the order they came, with one load of the items they touch and one save of the items
 * they changed: 300 messages at once cost two writes, not 300 rewrites of a growing list (docs/design.md,
 * "the single writer of persistent state").
 *
 * Each call still gets its own answer: an `apply` that throws fails that call alone and changes nothing (the calls
 * after it see the value before it); a load or save that fails fails every call of its batch, and nothing of that
 * batch is stored.
 */
export function batchedWriter<S>(storage: BatchStorage<S>) {
  let queue: Array<Queued<S>> = [];
  let running = false;

  async function writeBatch(batch: Array<Queued<S>>): Promise<void> {
    const outcomes: Array<{ ok: true; result: unknown } | { ok: false; error: unknown }> = [];
    let changed: Partial<S> = {};
    try {
      const keys = [...new Set(batch.map((entry) => entry.key))];
      const loaded = await storage.load(keys);
      const current: Partial<S> = { ...loaded };
      for (const entry of batch) {
        try {
          const before = current[entry.key];
          const { next, result } = entry.apply(before as never);
          if (next !== before) {
            current[entry.key] = next as S[keyof S];
            changed = { ...changed, [entry.key]: next };
          }
          outcomes.push({ ok: true, result });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      if (Object.keys(changed).length) await storage.save(changed);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    if (Object.keys(changed).length) {
      try {
        storage.saved?.(changed);
      } catch (error) {
        // What was stored is stored: a listener's failure is not the callers'.
        console.warn('KeyScope: a listener of stored changes failed', error);
      }
    }
    batch.forEach((entry, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) entry.resolve(outcome.result);
      else entry.reject(outcome.error);
    });
  }

  async function drain(): Promise<void> {
    // Changes sent in the same moment (one task) start one batch together.
    await Promise.resolve();
    while (queue.length) {
      const batch = queue;
      queue = [];
      await writeBatch(batch);
    }
    running = false;
  }

  return function change<K extends keyof S, T>(key: K, apply: (value: S[K]) => Applied<S[K], T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ key, apply: apply, resolve: resolve as (result: unknown) => void, reject });
      if (!running) {
        running = true;
        void drain();
      }
    });
  };
}
