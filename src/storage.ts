import browser from 'webextension-polyfill';
import { PURPOSES, type Purpose } from './core/types';
import { validateReminder, type Reminder } from './reminder';

/** Version of the stored reminders' shape; bump it with a migration in {@link normalizeReminders}. */
export const SCHEMA_VERSION = 1;

/** The reminders as stored under one key, so that every write is all-or-nothing. */
export interface StoredReminders {
  version: number;
  reminders: Reminder[];
  /** Records that failed validation, kept exactly as found so nothing the user had is lost. */
  quarantine: unknown[];
}

const REMINDERS_KEY = 'reminders';
const PURPOSES_KEY = 'purposes';

/**
 * Turns whatever is stored (nothing, an old shape, corrupt data) into the current shape.
 * Valid records are kept, invalid ones move to the quarantine; nothing is dropped.
 */
export function normalizeReminders(raw: unknown): StoredReminders {
  if (raw === undefined || raw === null) return { version: SCHEMA_VERSION, reminders: [], quarantine: [] };
  // Version 0 (before the schema had a version) was a bare array of reminders.
  const record = Array.isArray(raw) ? { version: 0, reminders: raw, quarantine: [] } : raw;
  if (typeof record !== 'object' || !Array.isArray((record as StoredReminders).reminders)) {
    return { version: SCHEMA_VERSION, reminders: [], quarantine: [raw] };
  }
  const stored = record as { reminders: unknown[]; quarantine?: unknown };
  const reminders: Reminder[] = [];
  const quarantine: unknown[] = Array.isArray(stored.quarantine) ? [...stored.quarantine] : [];
  for (const item of stored.reminders) {
    const valid = validateReminder(item);
    if (valid) reminders.push(valid);
    else quarantine.push(item);
  }
  return { version: SCHEMA_VERSION, reminders, quarantine };
}

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
