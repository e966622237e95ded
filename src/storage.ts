import browser from 'webextension-polyfill';
import { PURPOSES, type Purpose } from './core/types';
import { normalizeReminders, type StoredReminders } from './inventory/reminder';
import { normalizeSettings, type Settings } from './inventory/settings';

// Typed storage items. Only the background writes them (it is the single writer); every read validates.

const REMINDERS_KEY = 'reminders';
const PURPOSES_KEY = 'purposes';
const SETTINGS_KEY = 'settings';

export async function loadReminders(): Promise<StoredReminders> {
  const stored = await browser.storage.local.get(REMINDERS_KEY);
  return normalizeReminders(stored[REMINDERS_KEY]);
}

/** One `set` of one key: the browser writes it whole or not at all (a quota error rejects and changes nothing). */
export async function saveReminders(value: StoredReminders): Promise<void> {
  await browser.storage.local.set({ [REMINDERS_KEY]: value });
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

function isPurpose(value: unknown): value is Purpose {
  return (PURPOSES as readonly unknown[]).includes(value);
}

function purposeMap(stored: Record<string, unknown>): Record<string, unknown> {
  const map = stored[PURPOSES_KEY];
  return typeof map === 'object' && map !== null ? (map as Record<string, unknown>) : {};
}

/** The purpose chosen last on each exchange; anything unrecognised reads as "not chosen". */
export async function loadPurpose(exchange: string): Promise<Purpose | null> {
  const value = purposeMap(await browser.storage.local.get(PURPOSES_KEY))[exchange];
  return isPurpose(value) ? value : null;
}

export async function savePurpose(exchange: string, purpose: Purpose): Promise<void> {
  const map = purposeMap(await browser.storage.local.get(PURPOSES_KEY));
  await browser.storage.local.set({ [PURPOSES_KEY]: { ...map, [exchange]: purpose } });
}
