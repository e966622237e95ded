import browser from 'webextension-polyfill';
import { PURPOSES, type Purpose } from './core/types';
import { normalizeReminders, type StoredReminders } from './inventory/reminder';
import { normalizeSettings, type Settings } from './settings/settings';
import { siteOrigin } from './settings/site-origin';

// Typed storage items. Only the background writes them, through its one writer (background/writer.ts); every read
// validates.

/** Everything KeyScope keeps in `storage.local`, one storage key per field. */
export interface StoredState {
  reminders: StoredReminders;
  settings: Settings;
  /** The purpose chosen last on each exchange, by adapter id; values are checked when read ({@link loadPurpose}). */
  purposes: Record<string, unknown>;
  /** The sites the user chose to guard ("Guard this page"), as origins. */
  guardedSites: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How each item is read: whatever is stored (nothing, an older shape, corrupt data) becomes a valid value. */
const READERS: { [K in keyof StoredState]: (raw: unknown) => StoredState[K] } = {
  reminders: normalizeReminders,
  settings: normalizeSettings,
  purposes: (raw) => (isRecord(raw) ? raw : {}),
  guardedSites: (raw) => (Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string' && siteOrigin(s) === s) : []),
};

/** These items, each validated. */
export async function loadStored<K extends keyof StoredState>(keys: readonly K[]): Promise<Pick<StoredState, K>> {
  const values = await Promise.all(keys.map(async (key) => READERS[key]((await browser.storage.local.get(key))[key])));
  return Object.fromEntries(keys.map((key, index) => [key, values[index]])) as unknown as Pick<StoredState, K>;
}

/** One `set` of the given items: the browser writes it whole or not at all (a quota error rejects and changes nothing). */
export async function saveStored(changed: Partial<StoredState>): Promise<void> {
  await browser.storage.local.set(changed);
}

export async function loadReminders(): Promise<StoredReminders> {
  return (await loadStored(['reminders'])).reminders;
}

export async function loadSettings(): Promise<Settings> {
  return (await loadStored(['settings'])).settings;
}

export function isPurpose(value: unknown): value is Purpose {
  return (PURPOSES as readonly unknown[]).includes(value);
}

/** The purpose chosen last on this exchange; anything unrecognised reads as "not chosen". */
export async function loadPurpose(exchange: string): Promise<Purpose | null> {
  const value = (await loadStored(['purposes'])).purposes[exchange];
  return isPurpose(value) ? value : null;
}
