import { parseCalendarDate, type CalendarDate } from '../core/rotation';
import { PERMISSIONS, PURPOSES, type Permission, type Purpose } from '../core/types';
import { siteOrigin } from '../settings/site-origin';

/**
 * Lifecycle of a tracked key. `pending`: the form was submitted but the exchange has not shown the new key yet.
 * `active`: the key exists and has a due date. `rotated` and `revoked` are archived generations kept as history.
 */
export const REMINDER_STATES = ['pending', 'active', 'rotated', 'revoked'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** Where a reminder came from. */
export const REMINDER_SOURCES = ['form', 'manual', 'exchange-list', 'import'] as const;
export type ReminderSource = (typeof REMINDER_SOURCES)[number];

/** What happened to a key, and when (local calendar date). */
export const REMINDER_EVENTS = [
  'created',
  'confirmed',
  'rotated',
  'revoked',
  'snoozed',
  'edited',
  'tracked',
  'imported',
  'restored',
] as const;
export interface ReminderEvent {
  kind: (typeof REMINDER_EVENTS)[number];
  on: CalendarDate;
}

/** Notification states, so that each state change notifies once and not at every check. */
export const NOTIFIED_STATES = ['due-soon', 'overdue'] as const;
export type NotifiedState = (typeof NOTIFIED_STATES)[number];

/** A tracked key: metadata only, never the key, secret or passphrase. */
export interface Reminder {
  id: string;
  exchange: string;
  /**
   * The site a key of a guarded site ('generic' exchange) was created on, as an https origin. The background takes it
   * from the sender's URL, never from what a page or message says (background/content-requests.ts).
   */
  origin?: string;
  /** The key's name as typed on the exchange's form (or by hand). */
  name: string;
  permissions: Permission[];
  ipBound: boolean;
  purpose?: Purpose;
  /** When this generation of the key was created. */
  created: CalendarDate;
  rotationDays: number;
  /** created + rotationDays, never after the exchange's own deadline when one applied at creation. */
  due: CalendarDate;
  state: ReminderState;
  source: ReminderSource;
  /** Notifications are silent until this date. */
  snoozedUntil?: CalendarDate;
  /** The last state the user was notified of. */
  notified?: NotifiedState;
  /** For a rotated key's successor: the id of the generation it replaced. */
  replaces?: string;
  history: ReminderEvent[];
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
  /** On a guarded site, its origin: set by the background from the sender (see {@link Reminder.origin}). */
  origin?: string;
}

/**
 * Most keys waiting for the exchange's confirmation per exchange (per site for guarded sites). A person creates keys
 * one at a time, and a submit the exchange refused (a wrong 2FA code, a field it rejected) leaves one pending record
 * behind: five leaves room for a few failed attempts before the key shows, while a page firing clicks at its own form
 * can leave no more than five records for the user to clear.
 */
export const PENDING_MAX = 5;

/**
 * Most live keys (pending or active) of one exchange or guarded site that a page may add: a submit, "Track this key",
 * saved restrictions. OKX allows 50 keys per account and Binance 30, so 300 leaves room for sub-accounts, while a page
 * (or a compromised content script) sending one new name after another cannot fill the user's list and storage. Keys
 * added by hand in the popup count, but are never refused; past the cap nothing is dropped, the add is refused.
 */
export const SITE_KEYS_MAX = 300;

/**
 * Most records kept aside. They are shown for the user to export and look at by hand, and each is rewritten with
 * every change of the list: a damaged list or a file from a newer KeyScope sets aside what it holds at once, and
 * 500 is more than anyone inspects. Past it nothing is dropped: a write that would add more is refused, and says so.
 */
export const QUARANTINE_MAX = 500;

export const NAME_MAX = 200;
/** Longest id accepted (KeyScope's own are UUIDs, 36 characters). */
export const ID_MAX = 100;

// Control and format characters (Unicode Cc, Cf): bidi overrides and isolates, zero-width and invisible characters
// that make a name read backwards or hide part of it. Only the zero-width joiner and non-joiner stay: scripts (Persian,
// Indic) and emoji need them, and they reorder nothing.
const HIDDEN_CHARACTERS = /(?![\u200c\u200d])[\p{Cc}\p{Cf}]/gu;

/**
 * A name as stored: control and format characters removed, trimmed, at most NAME_MAX characters, never splitting a
 * character. Shown always isolated from the text around it (`<bdi>`, or {@link isolated} in plain text).
 */
export function storedName(name: string): string {
  return Array.from(name.replace(HIDDEN_CHARACTERS, '').trim()).slice(0, NAME_MAX).join('');
}
/** Longest history kept: the first event and the latest ones (see lifecycle's `withEvent`). */
export const HISTORY_MAX = 200;
/**
 * Longest interval a stored reminder may have, in days (ten years): what reads back as a reminder at all, and the most
 * a page's request may carry (src/background/content-requests.ts). Longer is refused, never cut. KeyScope itself
 * offers at most MAX_ROTATION_DAYS (src/core/rotation.ts); a stored record may be longer and stays readable.
 */
export const INTERVAL_DAYS_MAX = 3660;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parseCalendarDate(value) !== undefined;
}

function oneOf<T>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** `https://exchange.example`: an https site's origin, as the URL standard writes it. */
export function isHttpsOrigin(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length <= 300 && value.startsWith('https://') && siteOrigin(value) === value
  );
}

function isEvent(value: unknown): value is ReminderEvent {
  return isRecord(value) && oneOf(REMINDER_EVENTS, value.kind) && isDate(value.on);
}

/** The reminder a stored value describes, or undefined when any field is missing or malformed. */
export function validateReminder(value: unknown): Reminder | undefined {
  if (!isRecord(value)) return undefined;
  const v = value;
  const valid =
    typeof v.id === 'string' &&
    v.id.length > 0 &&
    v.id.length <= ID_MAX &&
    typeof v.exchange === 'string' &&
    /^[a-z0-9-]{1,40}$/.test(v.exchange) &&
    (v.origin === undefined || isHttpsOrigin(v.origin)) &&
    typeof v.name === 'string' &&
    Array.from(v.name).length <= NAME_MAX &&
    Array.isArray(v.permissions) &&
    v.permissions.every((p) => oneOf(PERMISSIONS, p)) &&
    typeof v.ipBound === 'boolean' &&
    (v.purpose === undefined || oneOf(PURPOSES, v.purpose)) &&
    isDate(v.created) &&
    isDate(v.due) &&
    typeof v.rotationDays === 'number' &&
    Number.isInteger(v.rotationDays) &&
    v.rotationDays > 0 &&
    v.rotationDays <= INTERVAL_DAYS_MAX &&
    oneOf(REMINDER_STATES, v.state) &&
    oneOf(REMINDER_SOURCES, v.source) &&
    (v.snoozedUntil === undefined || isDate(v.snoozedUntil)) &&
    (v.notified === undefined || oneOf(NOTIFIED_STATES, v.notified)) &&
    (v.replaces === undefined || typeof v.replaces === 'string') &&
    Array.isArray(v.history) &&
    v.history.length <= HISTORY_MAX &&
    v.history.every(isEvent);
  return valid ? ownFields(value as unknown as Reminder) : undefined;
}

/**
 * The reminder's own fields and nothing else: whatever else a stored or imported record carries is not kept.
 * The mapped type makes the compiler name a field added to Reminder.
 */
export function ownFields(r: Reminder): Reminder {
  const fields: { [K in keyof Required<Reminder>]: Reminder[K] } = {
    id: r.id,
    exchange: r.exchange,
    origin: r.origin,
    // Records stored, imported or synced before names were cleaned are cleaned as they are read.
    name: storedName(r.name),
    permissions: [...r.permissions],
    ipBound: r.ipBound,
    purpose: r.purpose,
    created: r.created,
    rotationDays: r.rotationDays,
    due: r.due,
    state: r.state,
    source: r.source,
    snoozedUntil: r.snoozedUntil,
    notified: r.notified,
    replaces: r.replaces,
    history: r.history.map((e) => ({ kind: e.kind, on: e.on })),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as Reminder;
}

/** Version of the stored reminders' shape; each bump comes with a step in {@link MIGRATIONS}. */
export const SCHEMA_VERSION = 3;

/**
 * A reminder deleted in this browser: its id and the day, so that sync deletes it in the other browsers too and no
 * merge brings it back (src/inventory/tombstones.ts; docs/design.md, "Sync").
 */
export interface Tombstone {
  id: string;
  deleted: CalendarDate;
}

/** The tombstone a stored or synced value describes, or undefined (an id as a reminder's, a real date). */
export function tombstoneOf(value: unknown): Tombstone | undefined {
  if (!isRecord(value)) return undefined;
  const { id, deleted } = value;
  return typeof id === 'string' && id.length > 0 && id.length <= ID_MAX && isDate(deleted)
    ? { id, deleted }
    : undefined;
}

/** The reminders as stored under one key, so that every write is all-or-nothing. */
export interface StoredReminders {
  version: number;
  reminders: Reminder[];
  /** Records that failed validation, kept exactly as found so nothing the user had is lost. */
  quarantine: unknown[];
  /** Reminders deleted here lately (version 3). A tombstone is bookkeeping, not the user's data: a bad one is dropped. */
  tombstones: Tombstone[];
}

/**
 * One step per schema version: MIGRATIONS[n] turns a version-n record into a version-(n+1) one.
 * Version 1 (KeyScope 0.1, 2026-11) had no source, history or pending state.
 * Version 3 added the store's tombstones; its records are version 2's, unchanged.
 */
const MIGRATIONS: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {
  1: (record) => ({
    ...record,
    source: record.source ?? 'form',
    history: record.history ?? (isDate(record.created) ? [{ kind: 'created', on: record.created }] : []),
  }),
  2: (record) => record,
};

function migrate(record: unknown, from: number): unknown {
  if (!isRecord(record)) return record;
  let current = record;
  for (let version = from; version < SCHEMA_VERSION; version++) current = MIGRATIONS[version]?.(current) ?? current;
  return current;
}

/**
 * Turns whatever is stored (nothing, an older version, corrupt data) into the current shape. Valid records are
 * kept, invalid ones move to the quarantine, records from a newer KeyScope are quarantined untouched;
 * nothing is dropped.
 */
export function normalizeReminders(raw: unknown): StoredReminders {
  if (raw === undefined || raw === null)
    return { version: SCHEMA_VERSION, reminders: [], quarantine: [], tombstones: [] };
  if (!isRecord(raw) || !Array.isArray(raw.reminders))
    return { version: SCHEMA_VERSION, reminders: [], quarantine: [raw], tombstones: [] };
  const from = typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1 ? raw.version : 1;
  const reminders: Reminder[] = [];
  const quarantine: unknown[] = Array.isArray(raw.quarantine) ? [...(raw.quarantine as unknown[])] : [];
  for (const item of raw.reminders) {
    const valid = from <= SCHEMA_VERSION ? validateReminder(migrate(item, from)) : undefined;
    if (valid) reminders.push(valid);
    else quarantine.push(item);
  }
  // Before version 3 there were none.
  const tombstones = Array.isArray(raw.tombstones)
    ? raw.tombstones.map(tombstoneOf).filter((t) => t !== undefined)
    : [];
  return { version: SCHEMA_VERSION, reminders, quarantine, tombstones };
}
