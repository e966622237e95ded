import browser from 'webextension-polyfill';
import { PURPOSES, type Purpose } from './core/types';
import { normalizeReminders } from './inventory/reminder';
import { normalizeSettings } from './settings/settings';
import { siteOrigin } from './settings/site-origin';

// Typed storage items. Only the background writes them, through its one writer (background/writer.ts); every read
// validates.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPurpose = (value: unknown): value is Purpose => (PURPOSES as readonly unknown[]).includes(value);

/**
 * Everything KeyScope keeps in `storage.local`, one item per storage key: how the item is read, which is also its type.
 * Whatever is stored (nothing, an older shape, corrupt data) is read as a valid value.
 */
const ITEMS = {
  reminders: normalizeReminders,
  settings: normalizeSettings,
  /** The purpose chosen last on each exchange, by adapter id; each value is checked when read ({@link loadPurpose}). */
  purposes: (raw: unknown): Record<string, unknown> => (isRecord(raw) ? raw : {}),
  /** The sites the user chose to guard ("Guard this page"), as origins. */
  guardedSites: (raw: unknown): string[] =>
    Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string' && siteOrigin(s) === s) : [],
};

export type StoredState = { [K in keyof typeof ITEMS]: ReturnType<(typeof ITEMS)[K]> };

/** These items, each validated. */
export async function loadStored<K extends keyof StoredState>(keys: readonly K[]): Promise<Pick<StoredState, K>> {
  const values = await Promise.all(keys.map(async (key) => ITEMS[key]((await browser.storage.local.get(key))[key])));
  return Object.fromEntries(keys.map((key, index) => [key, values[index]])) as unknown as Pick<StoredState, K>;
}

/** One item, validated. */
export async function loadItem<K extends keyof StoredState>(key: K): Promise<StoredState[K]> {
  return (await loadStored([key]))[key];
}

/** One `set` of the given items: the browser writes it whole or not at all (a quota error rejects and changes nothing). */
export async function saveStored(changed: Partial<StoredState>): Promise<void> {
  await browser.storage.local.set(changed);
}

/** The purpose chosen last on this exchange; anything unrecognised reads as "not chosen". */
export async function loadPurpose(exchange: string): Promise<Purpose | null> {
  const value = (await loadItem('purposes'))[exchange];
  return isPurpose(value) ? value : null;
}
