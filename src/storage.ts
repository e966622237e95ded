import browser from 'webextension-polyfill';
import { PURPOSES, type Purpose } from './core/types';
import { normalizeReminders, type StoredReminders } from './reminder';

const REMINDERS_KEY = 'reminders';
const PURPOSES_KEY = 'purposes';

export async function loadReminders(): Promise<StoredReminders> {
  const stored = await browser.storage.local.get(REMINDERS_KEY);
  return normalizeReminders(stored[REMINDERS_KEY]);
}

/** One `set` of one key: the browser writes it whole or not at all (a quota error rejects and changes nothing). */
export async function saveReminders(value: StoredReminders): Promise<void> {
  await browser.storage.local.set({ [REMINDERS_KEY]: value });
}

function isPurpose(value: unknown): value is Purpose {
  return (PURPOSES as readonly unknown[]).includes(value);
}

/** The purpose chosen last on each exchange; anything unrecognised reads as "not chosen". */
export async function loadPurpose(exchange: string): Promise<Purpose | null> {
  const stored = await browser.storage.local.get(PURPOSES_KEY);
  const map = stored[PURPOSES_KEY];
  const value = typeof map === 'object' && map !== null ? (map as Record<string, unknown>)[exchange] : undefined;
  return isPurpose(value) ? value : null;
}

export async function savePurpose(exchange: string, purpose: Purpose): Promise<void> {
  const stored = await browser.storage.local.get(PURPOSES_KEY);
  const map = typeof stored[PURPOSES_KEY] === 'object' && stored[PURPOSES_KEY] !== null ? stored[PURPOSES_KEY] : {};
  await browser.storage.local.set({ [PURPOSES_KEY]: { ...(map as object), [exchange]: purpose } });
}
