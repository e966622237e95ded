import { text, type Text } from '../core/text';
import { fitReminder, type ReminderLimits } from './fit-reminder';
import { nestsDeeperThan } from './json-depth';
import { normalizeReminders, ownFields, SCHEMA_VERSION, type Reminder } from './reminder';
import {
  SETTING_NAMES,
  settingsChangeProblem,
  validSettingFields,
  type Settings,
  type SettingsChange,
} from '../settings/settings';
import { siteOrigin } from '../settings/site-origin';

// Export and import of the inventory (and, in a full export, everything else KeyScope keeps) as a JSON file. Pure:
// the caller reads the file and stores the result.

/**
 * The `format` of an exported file, so that any other JSON is refused by name.
 * Exported: tests write files as KeyScope writes them.
 */
export const EXPORT_FORMAT = 'keyscope-inventory';
/**
 * Largest file accepted, in UTF-8 bytes. An exported reminder with a short history takes about 650 bytes, so an
 * export of {@link IMPORT_MAX_REMINDERS} of them (3.2 MB) can be imported again.
 */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
/**
 * Deepest nesting of lists and objects accepted. An export nests five levels (file, reminders, reminder, history,
 * event) and a record kept aside a few more; a deeper file is refused before anything walks it.
 */
export const IMPORT_MAX_DEPTH = 32;
/** Most reminders accepted in one file. */
export const IMPORT_MAX_REMINDERS = 5_000;
/** Rejected records show at most this many characters of their name. */
const REPORTED_NAME_MAX = 60;

/**
 * The file as older KeyScope versions wrote it (reminders only) or as {@link exportAllData} writes it (every
 * section). `version` is the reminders' schema version.
 */
export interface InventoryFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** ISO instant of the export. */
  exportedAt: string;
  reminders: Reminder[];
  /** The user's settings (full export). */
  settings?: SettingsChange;
  /** Stored records that could not be read, as found (full export). */
  quarantine?: unknown[];
  /** The sites added with "Guard this page", as origins (full export). Their permissions are not in the file. */
  guardedSites?: string[];
}

/** Everything KeyScope keeps, as a full export writes it and a full import merges into it. */
export interface AllData {
  reminders: Reminder[];
  quarantine: unknown[];
  settings: Settings;
  guardedSites: string[];
}

/** What an import did, for the user: counts, and each refused record with a reason. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** `index` is the record's position in the file's `reminders` list, from 0. */
  rejected: Array<{ index: number; name?: string; reason: Text }>;
  /**
   * Records added or updated after being fitted to the organisation's policy and KeyScope's limits
   * (src/inventory/fit-reminder.ts), each with what was changed; absent when no record needed it.
   */
  fitted?: Array<{ index: number; name?: string; changes: Text[] }>;
  /** Set when the whole file was refused; then nothing was imported. */
  error?: Text;
  /** Settings in the file (full export): the ones that changed here, and each refused field with the reason. */
  settings?: {
    applied: Array<keyof SettingsChange>;
    rejected: Array<{ field: string; reason: Text }>;
    /** The organisation's policy locks the settings: none of the file's was applied (src/background/policy.ts). */
    managed?: true;
  };
  /** How many records kept aside in the file were added to the ones kept aside here. */
  keptAside?: number;
  /**
   * Sites in the file: `missing` ones are not guarded here, and a file cannot grant a site's permission, so the
   * user is offered to add each again; `rejected` entries are not web sites.
   */
  sites?: { missing: string[]; rejected: string[] };
}

/** A reminder valid at every schema version, to find which field of a refused record is the bad one. */
const SAMPLE: Required<Reminder> = {
  id: 'sample',
  exchange: 'okx',
  origin: 'https://sample.example',
  name: 'sample',
  permissions: ['read'],
  ipBound: true,
  purpose: 'read-only',
  created: '2026-01-01',
  rotationDays: 90,
  due: '2026-04-01',
  state: 'active',
  source: 'manual',
  snoozedUntil: '2026-03-01',
  notified: 'due-soon',
  replaces: 'older',
  history: [{ kind: 'created', on: '2026-01-01' }],
};

/** The record as a current reminder (migrated from `version`, then validated), as storage would read it. */
function readRecord(record: unknown, version: number): Reminder | undefined {
  return normalizeReminders({ version, reminders: [record] }).reminders[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why a record is not a reminder, naming the first bad field. Each field of the record is put alone into a valid
 * sample and read as storage reads it, so the one validator and the migrations decide, not a second copy of them.
 */
function invalidReason(record: unknown, version: number): Text {
  if (!isRecord(record)) return text('import_reason_not_object');
  for (const field of Object.keys(SAMPLE)) {
    const candidate: Record<string, unknown> = { ...SAMPLE };
    if (field in record) candidate[field] = record[field];
    else delete candidate[field];
    if (readRecord(candidate, version) === undefined) {
      return text(record[field] === undefined ? 'import_reason_missing_field' : 'import_reason_invalid_field', field);
    }
  }
  return text('import_reason_invalid');
}

function reportedName(record: unknown): string | undefined {
  if (!isRecord(record) || typeof record.name !== 'string') return undefined;
  const chars = Array.from(record.name);
  return chars.length <= REPORTED_NAME_MAX ? record.name : `${chars.slice(0, REPORTED_NAME_MAX - 1).join('')}…`;
}

/** UTF-8 length without encoding a copy of what may be a very large file. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair is one four-byte character: two bytes per half.
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Everything KeyScope keeps in one file: settings, reminders, records kept aside and the guarded sites. */
export function exportAllData(data: AllData, exportedAt: string): string {
  const { syncProblem: _notData, ...settings } = data.settings;
  const file: InventoryFile = {
    format: EXPORT_FORMAT,
    version: SCHEMA_VERSION,
    exportedAt,
    reminders: data.reminders.map(ownFields),
    settings,
    quarantine: data.quarantine,
    guardedSites: data.guardedSites,
  };
  return JSON.stringify(file, null, 2);
}

/** The file's records with their version and the whole file, or why the whole file is refused. */
function readFile(
  content: string,
): { version: number; records: unknown[]; data: Record<string, unknown> } | { error: Text } {
  const bytes = utf8Bytes(content);
  if (bytes > IMPORT_MAX_BYTES) {
    return { error: text('import_error_size', megabytes(bytes), megabytes(IMPORT_MAX_BYTES)) };
  }
  if (nestsDeeperThan(content, IMPORT_MAX_DEPTH)) return { error: text('import_error_too_deep', IMPORT_MAX_DEPTH) };
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return { error: text('import_error_not_json') };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) {
    return { error: text('import_error_not_export') };
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { error: text('import_error_no_version') };
  }
  if (version > SCHEMA_VERSION) {
    return { error: text('import_error_newer', version) };
  }
  if (!Array.isArray(data.reminders)) return { error: text('import_error_no_list') };
  if (data.reminders.length > IMPORT_MAX_REMINDERS) {
    return { error: text('import_error_too_many', data.reminders.length, IMPORT_MAX_REMINDERS) };
  }
  return { version, records: data.reminders, data };
}

const sameReminder = (a: Reminder, b: Reminder) => JSON.stringify(ownFields(a)) === JSON.stringify(ownFields(b));

/** The same key under another id: same exchange, same non-empty name (any case and spacing), same creation day. */
function identity(r: Reminder): string | undefined {
  const name = r.name.trim().toLowerCase();
  return name ? JSON.stringify([r.exchange, name, r.created]) : undefined;
}

const emptyReport = (): ImportReport => ({ added: 0, updated: 0, unchanged: 0, rejected: [] });

/**
 * Merges a file's reminders into the inventory: each record is migrated and validated as storage does, and merged
 * without duplicates:
 * - a record whose id is already listed replaces it only when its history is longer (it was changed later);
 * - a record with a new id but the exchange, name and creation day of a listed one is a duplicate, left out;
 * - a record whose id appeared earlier in the file is refused;
 * - each record is first fitted to `limits` as a new key is (the organisation's maximum interval, dates up to today,
 *   the due date recomputed, never taken from the file: src/inventory/fit-reminder.ts), and the report says what
 *   changed; new reminders are otherwise added as they are (source and history kept), after the existing ones.
 * When nothing changes the returned list is `existing` itself.
 */
function mergeRecords(
  file: { version: number; records: unknown[] },
  existing: Reminder[],
  limits: ReminderLimits,
): { reminders: Reminder[]; report: ImportReport } {
  const report = emptyReport();
  const fitted: NonNullable<ImportReport['fitted']> = [];
  const byId = new Map(existing.map((r, position) => [r.id, position]));
  const identities = new Set(existing.map(identity).filter((key) => key !== undefined));
  const merged = [...existing];
  const seen = new Set<string>();

  file.records.forEach((record, index) => {
    const valid = readRecord(record, file.version);
    const name = reportedName(record);
    const reject = (reason: Text) => report.rejected.push({ index, ...(name === undefined ? {} : { name }), reason });
    if (!valid) return reject(invalidReason(record, file.version));
    if (seen.has(valid.id)) return reject(text('import_reason_duplicate'));
    seen.add(valid.id);

    // The file's own name, not the one validation already cleaned, so that a cleaned name is reported too.
    const fileName = (record as { name: string }).name;
    const { reminder: imported, changes } = fitReminder({ ...ownFields(valid), name: fileName }, limits);
    const noteChanges = () => {
      if (changes.length) fitted.push({ index, ...(name === undefined ? {} : { name }), changes });
    };
    const position = byId.get(imported.id);
    if (position !== undefined) {
      const current = merged[position]!;
      if (!sameReminder(current, imported) && imported.history.length > current.history.length) {
        merged[position] = imported;
        report.updated++;
        noteChanges();
      } else {
        report.unchanged++;
      }
      return;
    }
    const key = identity(imported);
    if (key !== undefined && identities.has(key)) {
      report.unchanged++;
      return;
    }
    merged.push(imported);
    report.added++;
    noteChanges();
  });

  if (fitted.length) report.fitted = fitted;
  return { reminders: report.added + report.updated > 0 ? merged : existing, report };
}

/** The file's settings over the current ones, field by field; sync stays as it is in this browser. */
function mergeSettings(
  raw: unknown,
  current: Settings,
): { settings: Settings; report: NonNullable<ImportReport['settings']> } {
  if (!isRecord(raw))
    return {
      settings: current,
      report: { applied: [], rejected: [{ field: 'settings', reason: text('import_reason_not_settings') }] },
    };
  const fields = raw;
  const rejected = SETTING_NAMES.filter((name) => name in fields && name !== 'sync')
    .map((name) => ({ field: name, reason: settingsChangeProblem({ [name]: fields[name] }) }))
    .filter((r): r is { field: keyof SettingsChange; reason: Text } => r.reason !== undefined);
  // Sync copies the list to the browser account: turning it on stays a click on this browser's settings page.
  const { sync: _local, ...valid } = validSettingFields(fields);
  const applied = (Object.keys(valid) as Array<keyof typeof valid>).filter(
    (name) => JSON.stringify(valid[name]) !== JSON.stringify(current[name]),
  );
  return { settings: applied.length ? { ...current, ...valid } : current, report: { applied, rejected } };
}

/**
 * A full import (a file that cannot be read changes nothing and says why): reminders merged as {@link mergeRecords} does, then, when the file has them, the settings
 * (field by field), the records kept aside (those not already kept) and the guarded sites (listed as missing:
 * a file cannot grant a site's permission). A file with reminders only imports as before. Nothing already kept
 * is dropped; parts that do not change are returned as they were.
 */
export function importAllData(
  content: string,
  current: AllData,
  limits: ReminderLimits,
): AllData & { report: ImportReport } {
  const file = readFile(content);
  if ('error' in file) return { ...current, report: { ...emptyReport(), error: file.error } };
  const { reminders, report } = mergeRecords(file, current.reminders, limits);
  let { quarantine, settings } = current;
  const { data } = file;
  if ('settings' in data) {
    const merged = mergeSettings(data.settings, current.settings);
    settings = merged.settings;
    report.settings = merged.report;
  }
  if (Array.isArray(data.quarantine)) {
    const kept = new Set(quarantine.map((record) => JSON.stringify(record)));
    const added = data.quarantine.filter((record) => {
      const key = JSON.stringify(record);
      if (kept.has(key)) return false;
      kept.add(key);
      return true;
    });
    if (added.length) quarantine = [...quarantine, ...(added as unknown[])];
    report.keptAside = added.length;
  }
  if (Array.isArray(data.guardedSites)) {
    const sites = data.guardedSites;
    const valid = [
      ...new Set(sites.filter((site): site is string => typeof site === 'string' && siteOrigin(site) === site)),
    ];
    report.sites = {
      missing: valid.filter((site) => !current.guardedSites.includes(site)),
      rejected: sites
        .filter((site) => !valid.includes(site as string))
        .map((site) => String(site).slice(0, REPORTED_NAME_MAX)),
    };
  }
  return { reminders, quarantine, settings, guardedSites: current.guardedSites, report };
}
