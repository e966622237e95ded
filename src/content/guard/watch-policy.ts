import type { ManagedPolicy, PolicyReading } from '../../core/policy';
import { send } from '../../messages';

type ChangeListener = (changes: unknown, area: string) => void;
interface StorageEvents {
  onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
}

/**
 * Calls back with the organisation's policy (undefined: none) now, and again whenever the browser applies a changed
 * one (Chrome re-reads policies while running; Firefox only at start-up). The background reads managed storage
 * (./background/policy.ts); the guard only listens for the change, as content scripts may in both browsers.
 */
export function watchPolicy(signal: AbortSignal, onPolicy: (policy: ManagedPolicy | undefined) => void): void {
  const load = () =>
    send('policy:get', {}).then(
      // No reply (a background without this message) reads as no policy.
      (reading: PolicyReading | null) => {
        if (!signal.aborted) onPolicy(reading?.policy);
      },
      (error: unknown) => console.warn('KeyScope: could not read the organisation policy', error),
    );
  const scope = globalThis as { browser?: { storage?: StorageEvents }; chrome?: { storage?: StorageEvents } };
  const storage = scope.browser?.storage ?? scope.chrome?.storage;
  const onChanged: ChangeListener = (_changes, area) => {
    if (area === 'managed') void load();
  };
  storage?.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => storage?.onChanged.removeListener(onChanged));
  void load();
}
