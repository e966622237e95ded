import { PERMISSIONS, PURPOSES, type Permission, type Purpose } from './core/types';
import { parseCalendarDate, type CalendarDate } from './core/rotation';

/** Lifecycle of a tracked key; `active` reminders get a due status from their date. */
export const REMINDER_STATES = ['active', 'rotated', 'revoked'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** A tracked key: metadata only, never the key, secret or passphrase. */
export interface Reminder {
  id: string;
  exchange: string;
  /** The key's name as typed on the exchange's form. */
  name: string;
  permissions: Permission[];
  ipBound: boolean;
  purpose?: Purpose;
  created: CalendarDate;
  rotationDays: number;
  due: CalendarDate;
  state: ReminderState;
}

/** What the content script reports when the user submits the guarded form. */
export interface KeyCreated {
  exchange: string;
  name: string;
  permissions: Permission[];
  ipBound: boolean;
  purpose?: Purpose;
  rotationDays: number;
  /** The exchange's own deadline in days for this key, when it has one (e.g. OKX 14 idle days). */
  deadlineDays?: number;
}

const NAME_MAX = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parseCalendarDate(value) !== undefined;
}

/** The reminder a stored value describes, or undefined when any field is missing or malformed. */
export function validateReminder(value: unknown): Reminder | undefined {
  if (!isRecord(value)) return undefined;
  const { id, exchange, name, permissions, ipBound, purpose, created, rotationDays, due, state } = value;
  const valid =
    typeof id === 'string' && id.length > 0 &&
    typeof exchange === 'string' && /^[a-z0-9-]{1,40}$/.test(exchange) &&
    typeof name === 'string' && name.length <= NAME_MAX &&
    Array.isArray(permissions) && permissions.every((p) => (PERMISSIONS as readonly unknown[]).includes(p)) &&
    typeof ipBound === 'boolean' &&
    (purpose === undefined || (PURPOSES as readonly unknown[]).includes(purpose)) &&
    isDate(created) && isDate(due) &&
    typeof rotationDays === 'number' && Number.isInteger(rotationDays) && rotationDays > 0 &&
    (REMINDER_STATES as readonly unknown[]).includes(state);
  return valid ? (value as unknown as Reminder) : undefined;
}

/** Version of the stored reminders' shape; bump it with a migration in {@link normalizeReminders}. */
export const SCHEMA_VERSION = 1;

/** The reminders as stored under one key, so that every write is all-or-nothing. */
export interface StoredReminders {
  version: number;
  reminders: Reminder[];
  /** Records that failed validation, kept exactly as found so nothing the user had is lost. */
  quarantine: unknown[];
}

/**
 * Turns whatever is stored (nothing, an old shape, corrupt data) into the current shape.
 * Valid records are kept, invalid ones move to the quarantine; nothing is dropped.
 */
export function normalizeReminders(raw: unknown): StoredReminders {
  if (raw === undefined || raw === null) return { version: SCHEMA_VERSION, reminders: [], quarantine: [] };
  if (typeof raw !== 'object' || !Array.isArray((raw as StoredReminders).reminders)) {
    return { version: SCHEMA_VERSION, reminders: [], quarantine: [raw] };
  }
  const stored = raw as { reminders: unknown[]; quarantine?: unknown };
  const reminders: Reminder[] = [];
  const quarantine: unknown[] = Array.isArray(stored.quarantine) ? [...stored.quarantine] : [];
  for (const item of stored.reminders) {
    const valid = validateReminder(item);
    if (valid) reminders.push(valid);
    else quarantine.push(item);
  }
  return { version: SCHEMA_VERSION, reminders, quarantine };
}

