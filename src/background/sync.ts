import browser from 'webextension-polyfill';
import { localCalendarDate } from '../core/rotation';
import { t } from '../i18n';
import { tombstoneOf, validateReminder, type Reminder, type Tombstone } from '../inventory/reminder';
import type { Settings } from '../settings/settings';
import { keptTombstones } from '../inventory/tombstones';
import { loadItem } from '../storage';
import { readPolicy } from './policy';
import { mergeReminders } from './reminders';
import { change } from './writer';
import { serial } from './serial';
import { errorText } from '../ui/errors';

// Optional sync through storage.sync, off by default (docs/design.md, "Sync"). One item per reminder keeps each under
// the per-item quota (8 KB), and one small item per deletion (`deleted:<id>` → the day) tells the other browsers to
// delete their copy and never merge it back. When the total quota (about 100 KB) is exceeded, sync turns itself off,
// says why, and the inventory stays whole in local storage.
const REMINDER = 'reminder:';
const DELETED = 'deleted:';

// Pushes, pulls and the changes that bring a deleted key back take turns, so that none reads storage.sync between
// another's read and write. A turn may change the inventory (src/background/reminders.ts), whose listeners queue the
// next push; a write there must never wait for its listeners, or a turn would wait for itself.
const turns = serial();

const today = () => localCalendarDate(new Date());

function quotaMessage(error: unknown): string {
  const text = errorText(error);
  return /quota/i.test(text) ? t('sync_stopped_quota') : t('sync_stopped', text);
}

/** Turns sync off in the settings as they are when written (./writer.ts): a change made meanwhile stays. */
async function stopSync(_settings: Settings, error: unknown): Promise<void> {
  await change('settings', (current) => ({
    next: { ...current, sync: false, syncProblem: quotaMessage(error) },
    result: undefined,
  }));
}

/** The deletions every browser synced, still remembered today (src/inventory/tombstones.ts). */
function syncedDeletions(remote: Record<string, unknown>): Tombstone[] {
  const found = Object.entries(remote)
    .filter(([key]) => key.startsWith(DELETED))
    .map(([key, deleted]) => tombstoneOf({ id: key.slice(DELETED.length), deleted }))
    .filter((tombstone) => tombstone !== undefined);
  return keptTombstones(found, today());
}

/**
 * Writes what changed here to storage.sync: the reminders, and the deletions (this browser's and the ones synced, the
 * newest that are remembered); removes the reminders deleted anywhere or not listed here, and the deletions forgotten.
 */
export function pushToSync(): Promise<void> {
  return turns(async () => {
    const settings = await loadItem('settings');
    if (!settings.sync) return;
    try {
      const [stored, remote] = await Promise.all([loadItem('reminders'), browser.storage.sync.get(null)]);
      const deletions = keptTombstones([...stored.tombstones, ...syncedDeletions(remote)], today());
      const deleted = new Set(deletions.map((tombstone) => tombstone.id));
      const wanted = new Map<string, unknown>([
        ...stored.reminders.filter((r) => !deleted.has(r.id)).map((r): [string, unknown] => [`${REMINDER}${r.id}`, r]),
        ...deletions.map((tombstone): [string, unknown] => [`${DELETED}${tombstone.id}`, tombstone.deleted]),
      ]);
      const changed = Object.fromEntries(
        [...wanted].filter(([key, value]) => JSON.stringify(remote[key]) !== JSON.stringify(value)),
      );
      const gone = Object.keys(remote).filter(
        (key) => (key.startsWith(REMINDER) || key.startsWith(DELETED)) && !wanted.has(key),
      );
      // Removals first: a deletion frees more room than its tombstone takes.
      if (gone.length) await browser.storage.sync.remove(gone);
      if (Object.keys(changed).length) await browser.storage.sync.set(changed);
    } catch (error) {
      await stopSync(settings, error);
    }
  });
}

/**
 * Reads what other browsers synced and merges it in: their deletions delete the copies here, and the reminders (valid
 * records only, fitted to this browser's policy) are merged, never one with a tombstone.
 */
export function pullFromSync(): Promise<void> {
  return turns(async () => {
    if (!(await loadItem('settings')).sync) return;
    const [remote, { policy }] = await Promise.all([browser.storage.sync.get(null), readPolicy()]);
    const deleted = new Set(syncedDeletions(remote).map((tombstone) => tombstone.id));
    const incoming = Object.entries(remote)
      .filter(([key]) => key.startsWith(REMINDER))
      .map(([, value]) => validateReminder(value))
      .filter((r): r is Reminder => r !== undefined);
    await mergeReminders(incoming, deleted, { today: today(), maxRotationDays: policy?.maxRotationDays });
  });
}

/**
 * A change that brings deleted keys back on purpose (undo of a delete, an import): it runs in sync's turn, then the
 * synced deletions of `idsOf(result)` are withdrawn before any pull could apply them again. If that fails, sync turns
 * itself off and says why, as a failed push does: the keys stay back here.
 */
export function bringBack<T>(change: () => Promise<T>, idsOf: (result: T) => readonly string[]): Promise<T> {
  return turns(async () => {
    const result = await change();
    const ids = idsOf(result);
    const settings = await loadItem('settings');
    if (!ids.length || !settings.sync) return result;
    try {
      await browser.storage.sync.remove(ids.map((id) => `${DELETED}${id}`));
    } catch (error) {
      await stopSync(settings, error);
    }
    return result;
  });
}

export function watchSync(): void {
  browser.storage.sync.onChanged?.addListener(() => {
    pullFromSync().catch((error: unknown) => console.warn('KeyScope: could not read synced keys', error));
  });
}

/** Turning sync on merges both ways at once, so that the first push carries everything. */
export async function startSync(): Promise<void> {
  await pullFromSync();
  await pushToSync();
}
