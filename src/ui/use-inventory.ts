import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReminderList } from '../messages';
import { t } from '../i18n';
import { errorText } from './errors';

/** The inventory as the background last said it, and a way to change it that never loses track of what is stored. */
export interface Inventory {
  list: ReminderList | undefined;
  /** The last failure, in words; empty when the last action succeeded. */
  error: string;
  /** True while an action is on its way to the background. */
  busy: boolean;
  /**
   * Runs one change, then reads the list again whatever happened: the background is the single writer, so the
   * list shown is always what is stored, and a failed change shows its error without losing anything.
   * Resolves to the action's result, or undefined when it failed.
   */
  run: <T>(what: string, action: () => Promise<T>) => Promise<T | undefined>;
}

export function useInventory(load: () => Promise<ReminderList>): Inventory {
  const [list, setList] = useState<ReminderList | undefined>(undefined);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setList(await load());
    } catch (e) {
      const message = t('error_read_keys', errorText(e));
      setError((previous) => (previous ? `${previous} ${message}` : message));
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async <T>(what: string, action: () => Promise<T>): Promise<T | undefined> => {
      setError('');
      setBusy(true);
      try {
        return await action();
      } catch (e) {
        setError(t('error_with_reason', what, errorText(e)));
        return undefined;
      } finally {
        await reload();
        setBusy(false);
      }
    },
    [reload],
  );

  return { list, error, busy, run };
}
