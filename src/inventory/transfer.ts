import { text, type Text } from '../core/text';
import { normalizeReminders, ownFields, SCHEMA_VERSION, type Reminder } from './reminder';

// Export and import of the inventory as a JSON file. Pure: the caller reads the file and stores the result.

/** The `format` of an exported file, so that any other JSON is refused by name. */
export const EXPORT_FORMAT = 'keyscope-inventory';
/**
 * Largest file accepted, in UTF-8 bytes. An exported reminder with a short history takes about 650 bytes, so an
 * export of {@link IMPORT_MAX_REMINDERS} of them (3.2 MB) can be imported again.
 */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
/** Most reminders accepted in one file. */
export const IMPORT_MAX_REMINDERS = 5_000;
/** Rejected records show at most this many characters of their name. */
const REPORTED_NAME_MAX = 60;

/** The file as written by {@link exportInventory}. */
export interface InventoryFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** ISO instant of the export. */
  exportedAt: string;
  reminders: Reminder[];
}

/** What an import did, for the user: counts, and each refused record with a reason. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** `index` is the record's position in the file's `reminders` list, from 0. */
  rejected: Array<{ index: number; name?: string; reason: Text }>;
  /** Set when the whole file was refused; then nothing was imported. */
  error?: Text;
}

/** The inventory as a pretty JSON file: reminder metadata only (keys and secrets are never stored anyway). */
export function exportInventory(reminders: Reminder[], exportedAt: string): string {
  const file: InventoryFile = { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt, reminders: reminders.map(ownFields) };
  return JSON.stringify(file, null, 2);
}

/** A reminder valid at every schema version, to find which field of a refused record is the bad one. */
const SAMPLE: Required<Reminder> = {
  id: 'sample',
  exchange: 'okx',
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

/** The list of records in the file, with its version, or why the whole file is refused. */
function readFile(content: string): { version: number; records: unknown[] } | { error: Text } {
  const bytes = utf8Bytes(content);
  if (bytes > IMPORT_MAX_BYTES) {
    return { error: text('import_error_size', megabytes(bytes), megabytes(IMPORT_MAX_BYTES)) };
  }
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
  return { version, records: data.reminders };
}

const sameReminder = (a: Reminder, b: Reminder) => JSON.stringify(ownFields(a)) === JSON.stringify(ownFields(b));

/** The same key under another id: same exchange, same non-empty name (any case and spacing), same creation day. */
function identity(r: Reminder): string | undefined {
  const name = r.name.trim().toLowerCase();
  return name ? JSON.stringify([r.exchange, name, r.created]) : undefined;
}

/**
 * Merges an exported file into the inventory. A file that cannot be read changes nothing and says why; otherwise
 * each record is migrated and validated as storage does, and merged without duplicates:
 * - a record whose id is already listed replaces it only when its history is longer (it was changed later);
 * - a record with a new id but the exchange, name and creation day of a listed one is a duplicate, left out;
 * - a record whose id appeared earlier in the file is refused;
 * - new reminders are added as they are in the file (source and history untouched), after the existing ones.
 * When nothing changes the returned list is `existing` itself.
 */
export function importInventory(content: string, existing: Reminder[]): { reminders: Reminder[]; report: ImportReport } {
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, rejected: [] };
  const file = readFile(content);
  if ('error' in file) return { reminders: existing, report: { ...report, error: file.error } };

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

    const imported = ownFields(valid);
    const position = byId.get(imported.id);
    if (position !== undefined) {
      const current = merged[position]!;
      if (!sameReminder(current, imported) && imported.history.length > current.history.length) {
        merged[position] = imported;
        report.updated++;
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
  });

  return { reminders: report.added + report.updated > 0 ? merged : existing, report };
}
