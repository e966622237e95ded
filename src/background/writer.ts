import { loadStored, saveStored, type StoredState } from '../storage';
import { batchedWriter, type Applied } from './serial';

// The one writer of everything KeyScope keeps in storage.local: reminders, settings, purposes and guarded sites.
// Every read-modify-write of a stored item goes through `change`, so that no two can interleave and lose one
// another's update (docs/design.md: "The background is the single writer").

const listeners = new Set<(changed: Partial<StoredState>) => void>();

const write = batchedWriter<StoredState>({
  load: loadStored,
  save: saveStored,
  saved(changed) {
    for (const listener of listeners) listener(changed);
  },
});

/** Applies `apply` to the stored item's current value and stores the result (when it is a new value). */
export function change<K extends keyof StoredState, T>(
  key: K,
  apply: (value: StoredState[K]) => Applied<StoredState[K], T>,
): Promise<T> {
  return write(key, apply);
}

/** Called after every successful write, with the items written. */
export function onStoredChange(listener: (changed: Partial<StoredState>) => void): void {
  listeners.add(listener);
}
