import browser from 'webextension-polyfill';
import { validateReminder, type Reminder, type StoredReminders } from '../inventory/reminder';
import type { Settings } from '../inventory/settings';
import { loadReminders, loadSettings, saveSettings } from '../storage';
import { localCalendarDate } from '../core/rotation';
import { t } from '../i18n';
import { readPolicy } from './policy';
import { mergeReminders } from './reminders';

// Optional sync through storage.sync, off by default. One item per reminder keeps each under the per-item quota
// (8 KB); when the total quota (about 100 KB) is exceeded, sync turns itself off, says why, and the inventory
// stays whole in local storage.
const PREFIX = 'reminder:';

function quotaMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /quota/i.test(text)
    ? t('sync_stopped_quota')
    : t('sync_stopped', text);
}

async function stopSync(settings: Settings, error: unknown): Promise<void> {
  await saveSettings({ ...settings, sync: false, syncProblem: quotaMessage(error) });
}

/** Writes what changed to storage.sync and removes what was deleted here. */
export async function pushToSync(stored: StoredReminders): Promise<void> {
  const settings = await loadSettings();
  if (!settings.sync) return;
  try {
    const remote = await browser.storage.sync.get(null);
    const wanted = new Map(stored.reminders.map((r) => [`${PREFIX}${r.id}`, r]));
    const changed = Object.fromEntries([...wanted].filter(([key, r]) => JSON.stringify(remote[key]) !== JSON.stringify(r)));
    const gone = Object.keys(remote).filter((key) => key.startsWith(PREFIX) && !wanted.has(key));
    if (Object.keys(changed).length) await browser.storage.sync.set(changed);
    if (gone.length) await browser.storage.sync.remove(gone);
  } catch (error) {
    await stopSync(settings, error);
  }
}

/** Reads what other browsers synced and merges it in (valid records only, fitted to this browser's policy). */
export async function pullFromSync(): Promise<void> {
  if (!(await loadSettings()).sync) return;
  const [remote, { policy }] = await Promise.all([browser.storage.sync.get(null), readPolicy()]);
  const incoming = Object.entries(remote)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => validateReminder(value))
    .filter((r): r is Reminder => r !== undefined);
  await mergeReminders(incoming, { today: localCalendarDate(new Date()), maxRotationDays: policy?.maxRotationDays });
}

export function watchSync(): void {
  browser.storage.sync.onChanged?.addListener(() => {
    pullFromSync().catch((error: unknown) => console.warn('KeyScope: could not read synced keys', error));
  });
}

/** Turning sync on merges both ways at once, so that the first push carries everything. */
export async function startSync(): Promise<void> {
  await pullFromSync();
  await pushToSync(await loadReminders());
}
