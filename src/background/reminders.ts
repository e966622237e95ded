import type { CalendarDate } from '../core/rotation';
import { adapterById } from '../exchanges';
import { t } from '../i18n';
import { fitReminder, type ReminderLimits } from '../inventory/fit-reminder';
import {
  confirm,
  edit,
  isLive,
  newReminder,
  plausibleCreation,
  revoke,
  rotate,
  snooze,
  type ReminderEdit,
} from '../inventory/lifecycle';
import {
  PENDING_MAX,
  SITE_KEYS_MAX,
  QUARANTINE_MAX,
  validateReminder,
  type KeyCreated,
  type Reminder,
  type StoredReminders,
} from '../inventory/reminder';
import type { Settings } from '../settings/settings';
import { keptTombstones, withTombstone } from '../inventory/tombstones';
import { importAllData, type ImportReport } from '../inventory/transfer';
import type { MessageMap, ReminderList } from '../messages';
import { loadItem } from '../storage';
import { siteName } from '../ui/exchange-text';
import { change as write, onStoredChange } from './writer';

// The inventory store. Every change is a pure step on the stored list, run by the background's one writer
// (./writer.ts): two tabs and the popup changing reminders at once cannot lose an update, changes arriving together
// are written together, and a failed write changes nothing.
const listeners = new Set<(stored: StoredReminders) => void>();
onStoredChange((changed) => {
  if (changed.reminders) for (const listener of listeners) listener(changed.reminders);
});

/** Called after every successful write (badge, sync). */
export function onInventoryChange(listener: (stored: StoredReminders) => void): void {
  listeners.add(listener);
}

/**
 * What no step may store, whatever asked for it: a reminder that would not read back (it would be moved aside at
 * the next read, out of the user's list), or records kept aside beyond {@link QUARANTINE_MAX}. The step fails with
 * the reason; nothing of it is stored.
 */
function refuseUnreadable(stored: StoredReminders, next: StoredReminders): void {
  const before = new Set(stored.reminders);
  if (next.reminders.some((r) => !before.has(r) && validateReminder(r) === undefined))
    throw new Error(t('reminders_error_invalid'));
  if (next.quarantine.length > QUARANTINE_MAX && next.quarantine.length > stored.quarantine.length) {
    throw new Error(
      t(
        'reminders_error_kept_aside_full',
        QUARANTINE_MAX,
        next.quarantine.length - stored.quarantine.length,
        stored.quarantine.length,
      ),
    );
  }
}

function change<T>(apply: (stored: StoredReminders) => { next: StoredReminders; result: T }): Promise<T> {
  return write('reminders', (stored) => {
    const applied = apply(stored);
    if (applied.next !== stored) refuseUnreadable(stored, applied.next);
    return applied;
  });
}

function find(stored: StoredReminders, id: string): Reminder {
  const found = stored.reminders.find((r) => r.id === id);
  if (!found) throw new Error(t('reminders_error_gone'));
  return found;
}

function replace(stored: StoredReminders, updated: Reminder, ...added: Reminder[]): StoredReminders {
  return { ...stored, reminders: [...stored.reminders.map((r) => (r.id === updated.id ? updated : r)), ...added] };
}

/** Applies one pure lifecycle step to one reminder. */
function update(id: string, step: (reminder: Reminder) => Reminder): Promise<Reminder> {
  return change((stored) => {
    const updated = step(find(stored, id));
    return { next: replace(stored, updated), result: updated };
  });
}

const rulesOf = (exchange: string) => adapterById(exchange)?.rules;

/** Today and the organisation's maximum interval, as the handlers read them; the exchanges' rules are added here. */
export type PolicyLimits = Omit<ReminderLimits, 'rulesOf'>;
const withRules = (limits: PolicyLimits): ReminderLimits => ({ ...limits, rulesOf });

/** The same exchange and, for a guarded site, the same site (a record of a site stored before origins were kept has none). */
const sameSite = (r: Reminder, key: { exchange: string; origin?: string }) =>
  r.exchange === key.exchange && (r.origin ?? '') === (key.origin ?? '');

/** A new live key from a page: refused once the site has {@link SITE_KEYS_MAX} live keys (nothing is dropped). */
function roomForSiteKey(stored: StoredReminders, key: { exchange: string; origin?: string }): void {
  const live = stored.reminders.filter((r) => isLive(r) && sameSite(r, key)).length;
  if (live >= SITE_KEYS_MAX) throw new Error(t('reminders_error_site_full', live, siteName(key)));
}

/** A submit of the guarded form: a pending reminder, unless {@link PENDING_MAX} of that site's are already waiting. */
export function recordSubmitted(key: KeyCreated, today: CalendarDate): Promise<Reminder> {
  return change((stored) => {
    const waiting = stored.reminders.filter((r) => r.state === 'pending' && sameSite(r, key)).length;
    if (waiting >= PENDING_MAX) throw new Error(t('reminders_error_pending_full', waiting, siteName(key)));
    roomForSiteKey(stored, key);
    const reminder = newReminder(key, today, crypto.randomUUID(), { source: 'form', state: 'pending' });
    return { next: { ...stored, reminders: [...stored.reminders, reminder] }, result: reminder };
  });
}

/**
 * The user saved a listed key's restrictions (Binance "Edit restrictions"): its live reminder takes the new
 * permissions and binding (and the interval, when the user chose one), its due date recomputed; a key not tracked yet
 * starts an active reminder, created today, since the exchange has it already.
 */
export function updateRestrictions(key: KeyCreated, rotationChosen: boolean, today: CalendarDate): Promise<Reminder> {
  return change((stored) => {
    const existing = stored.reminders.find((r) => sameSite(r, key) && isLive(r) && sameName(r.name, key.name));
    if (!existing) {
      roomForSiteKey(stored, key);
      const reminder = newReminder(key, today, crypto.randomUUID(), { source: 'form', state: 'active' });
      return { next: { ...stored, reminders: [...stored.reminders, reminder] }, result: reminder };
    }
    const changes = {
      permissions: key.permissions,
      ipBound: key.ipBound,
      ...(rotationChosen ? { rotationDays: key.rotationDays } : {}),
    };
    const edited = edit(existing, changes, today, rulesOf(key.exchange));
    // A key whose restrictions can be edited exists: a reminder still waiting for its creation is confirmed.
    const updated = edited.state === 'pending' ? confirm(edited, today) : edited;
    return { next: replace(stored, updated), result: updated };
  });
}

/** The exchange showed a new key: confirm the newest pending reminder of that exchange or site (by name when given). */
export function confirmPending(
  site: { exchange: string; origin?: string },
  name: string | undefined,
  today: CalendarDate,
): Promise<Reminder | null> {
  return change((stored) => {
    const pending = stored.reminders.filter((r) => sameSite(r, site) && r.state === 'pending');
    const match = pending.findLast((r) => name !== undefined && r.name === name.trim()) ?? pending.at(-1);
    if (!match) return { next: stored, result: null };
    const confirmed = confirm(match, today);
    return { next: replace(stored, confirmed), result: confirmed };
  });
}

export function addManual(key: KeyCreated & { created: CalendarDate }, today: CalendarDate): Promise<Reminder> {
  return change((stored) => {
    const reminder = newReminder(key, today, crypto.randomUUID(), {
      source: 'manual',
      state: 'active',
      created: key.created,
    });
    return { next: { ...stored, reminders: [...stored.reminders, reminder] }, result: reminder };
  });
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * "Track this key" on an exchange's key list; tracking the same listed key twice keeps one reminder. A creation date
 * no key can have (see `plausibleCreation`) is refused with the reason rather than replaced by today: the due date is
 * counted from it, and an invented date would put the reminder off silently; the user can add the key by hand with
 * the date they know.
 */
export function trackListed(key: MessageMap['reminder:track']['request'], today: CalendarDate): Promise<Reminder> {
  if (key.created !== undefined && !plausibleCreation(key.created, today)) {
    return Promise.reject(new Error(t('reminders_error_created', key.created)));
  }
  return change((stored) => {
    const existing = stored.reminders.find(
      (r) => sameSite(r, key) && r.state !== 'revoked' && r.state !== 'rotated' && sameName(r.name, key.name),
    );
    if (existing) return { next: stored, result: existing };
    roomForSiteKey(stored, key);
    const reminder = newReminder(key, today, crypto.randomUUID(), {
      source: 'exchange-list',
      state: 'active',
      created: key.created ?? today,
    });
    return { next: { ...stored, reminders: [...stored.reminders, reminder] }, result: reminder };
  });
}

export async function trackedNames(exchange: string): Promise<string[]> {
  const { reminders } = await loadItem('reminders');
  return reminders
    .filter((r) => r.exchange === exchange && (r.state === 'active' || r.state === 'pending'))
    .map((r) => r.name);
}

export const editReminder = (id: string, changes: ReminderEdit, today: CalendarDate) =>
  update(id, (r) => edit(r, changes, today, rulesOf(changes.exchange ?? r.exchange)));
export const revokeReminder = (id: string, today: CalendarDate) => update(id, (r) => revoke(r, today));
export const confirmReminder = (id: string, today: CalendarDate) => update(id, (r) => confirm(r, today));
export const snoozeReminder = (id: string, days: number, today: CalendarDate) => {
  if (days !== 1 && days !== 7) return Promise.reject(new Error(t('reminders_error_snooze')));
  return update(id, (r) => snooze(r, today, days));
};

/** Archives the key as rotated and returns its successor (its interval within the organisation's maximum, if any). */
export function rotateReminder(id: string, today: CalendarDate, maxRotationDays?: number): Promise<Reminder> {
  return change((stored) => {
    const current = find(stored, id);
    const [archived, successor] = rotate(
      current,
      today,
      crypto.randomUUID(),
      rulesOf(current.exchange),
      maxRotationDays,
    );
    return { next: replace(stored, archived, successor), result: successor };
  });
}

/** Deletes a reminder and records its tombstone, so that sync deletes it elsewhere too (src/background/sync.ts). */
export function deleteReminder(id: string, today: CalendarDate): Promise<Reminder> {
  return change((stored) => {
    const removed = find(stored, id);
    const tombstones = withTombstone(stored.tombstones, id, today);
    return { next: { ...stored, reminders: stored.reminders.filter((r) => r.id !== id), tombstones }, result: removed };
  });
}

/**
 * "Discard all pending from this site" in the popup: removes these reminders when they are still pending (one the
 * exchange confirmed meanwhile, or one deleted elsewhere, is left as it is) and returns them, for "Undo".
 */
export function discardPending(ids: readonly string[], today: CalendarDate): Promise<Reminder[]> {
  const wanted = new Set(ids);
  return change((stored) => {
    const removed = stored.reminders.filter((r) => r.state === 'pending' && wanted.has(r.id));
    if (removed.length === 0) return { next: stored, result: [] };
    const gone = new Set(removed);
    // Each one deleted as "Delete" deletes it: with a tombstone, so that sync does not bring it back.
    const tombstones = removed.reduce((kept, r) => withTombstone(kept, r.id, today), stored.tombstones);
    return {
      next: { ...stored, reminders: stored.reminders.filter((r) => !gone.has(r)), tombstones },
      result: removed,
    };
  });
}

/**
 * "Delete records kept aside" on the settings page: deletes exactly the records the page showed (each once, compared
 * as data), never one kept aside after it read them. Returns how many were deleted.
 */
export function deleteKeptAside(records: readonly unknown[]): Promise<number> {
  return change((stored) => {
    const shown = new Map<string, number>();
    for (const record of records) shown.set(JSON.stringify(record), (shown.get(JSON.stringify(record)) ?? 0) + 1);
    const kept = stored.quarantine.filter((record) => {
      const key = JSON.stringify(record);
      const left = shown.get(key) ?? 0;
      if (left === 0) return true;
      shown.set(key, left - 1);
      return false;
    });
    const deleted = stored.quarantine.length - kept.length;
    return deleted ? { next: { ...stored, quarantine: kept }, result: deleted } : { next: stored, result: 0 };
  });
}

/** Tombstones of ids that are listed again: none is kept for a live id. */
const withoutTombstonesOf = (stored: StoredReminders, ids: ReadonlySet<string>) =>
  stored.tombstones.filter((t) => !ids.has(t.id));

/**
 * Undo of a delete: puts the record back (validated, and only if its id is free), fitted to today's policy and limits
 * as an imported record is (src/inventory/fit-reminder.ts): the popup holds the record while the undo is offered, and
 * the policy may have changed meanwhile. An id already listed returns the listed record, unchanged.
 */
export function restoreReminder(reminder: unknown, limits: PolicyLimits): Promise<Reminder> {
  return change((stored) => {
    const valid = validateReminder(reminder);
    if (!valid) throw new Error(t('reminders_error_restore'));
    const listed = stored.reminders.find((r) => r.id === valid.id);
    if (listed) return { next: stored, result: listed };
    const restored = fitReminder(valid, withRules(limits)).reminder;
    const tombstones = withoutTombstonesOf(stored, new Set([restored.id]));
    return { next: { ...stored, reminders: [...stored.reminders, restored], tombstones }, result: restored };
  });
}

/**
 * Merges an exported file, each record fitted to `limits` (src/inventory/transfer.ts): reminders and records kept aside
 * are written here; the settings to store (the same object when the file changes none) are returned for the caller to
 * write, with the ids the file added or updated. Importing a key deleted earlier brings it back on purpose: its
 * tombstone goes (the caller withdraws the synced one: `bringBack` in src/background/sync.ts).
 */
export function importReminders(
  text: string,
  settings: Settings,
  guardedSites: string[],
  limits: PolicyLimits,
): Promise<{ report: ImportReport; settings: Settings; broughtIn: string[] }> {
  return change((stored) => {
    const current = { reminders: stored.reminders, quarantine: stored.quarantine, settings, guardedSites };
    const { reminders, quarantine, report, settings: next } = importAllData(text, current, withRules(limits));
    const listed = new Set(stored.reminders);
    const broughtIn = reminders.filter((r) => !listed.has(r)).map((r) => r.id);
    const result = { report, settings: next, broughtIn };
    if (reminders === stored.reminders && quarantine === stored.quarantine) return { next: stored, result };
    return {
      next: { ...stored, reminders, quarantine, tombstones: withoutTombstonesOf(stored, new Set(broughtIn)) },
      result,
    };
  });
}

/** Records which reminders the user was just notified about (pure plan from ../inventory/notifications). */
export function markNotified(states: ReadonlyMap<string, Reminder['notified']>): Promise<void> {
  if (states.size === 0) return Promise.resolve();
  return change((stored) => ({
    next: {
      ...stored,
      reminders: stored.reminders.map((r) => {
        if (!states.has(r.id)) return r;
        const { notified: _old, ...rest } = r;
        const state = states.get(r.id);
        return state ? { ...rest, notified: state } : rest;
      }),
    },
    result: undefined,
  }));
}

/**
 * Merges what other browsers synced: a key deleted in another browser (`deletedElsewhere`, their tombstones) is deleted
 * here; an id with a tombstone, here or there, is never added back; otherwise new ids are added and a known id is
 * replaced by a longer history. What is taken is fitted to `limits` first, as an import is (storage.sync is another
 * way in, open to content scripts in Firefox: docs/design.md). Returns how many reminders changed.
 */
export function mergeReminders(
  incoming: readonly Reminder[],
  deletedElsewhere: ReadonlySet<string>,
  limits: PolicyLimits,
): Promise<number> {
  return change((stored) => {
    const byId = new Map(stored.reminders.filter((r) => !deletedElsewhere.has(r.id)).map((r) => [r.id, r]));
    const deleted = new Set([...deletedElsewhere, ...keptTombstones(stored.tombstones, limits.today).map((t) => t.id)]);
    let changed = stored.reminders.length - byId.size;
    for (const remote of incoming) {
      if (deleted.has(remote.id)) continue;
      const local = byId.get(remote.id);
      if (local && local.history.length >= remote.history.length) continue;
      byId.set(remote.id, fitReminder(remote, withRules(limits)).reminder);
      changed++;
    }
    return changed
      ? { next: { ...stored, reminders: [...byId.values()] }, result: changed }
      : { next: stored, result: 0 };
  });
}

export async function listReminders(today: CalendarDate): Promise<ReminderList> {
  const [stored, settings] = await Promise.all([loadItem('reminders'), loadItem('settings')]);
  return {
    reminders: stored.reminders,
    quarantined: stored.quarantine.length,
    quarantine: stored.quarantine,
    settings,
    today,
  };
}
