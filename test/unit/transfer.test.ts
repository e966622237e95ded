import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { text, type Text } from '../../src/core/text';
import { say } from '../../src/i18n';
import { edit } from '../../src/inventory/lifecycle';
import { SCHEMA_VERSION, type Reminder } from '../../src/inventory/reminder';
import { ADAPTERS } from '../../src/exchanges';
import { PERMISSIONS } from '../../src/core/types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import {
  EXPORT_FORMAT,
  exportAllData,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_DEPTH,
  IMPORT_MAX_REMINDERS,
  importAllData,
  type AllData,
} from '../../src/inventory/transfer';
import { adapterById } from '../../src/exchanges';
import type { ReminderLimits } from '../../src/inventory/fit-reminder';
import { reminder } from './helpers';

/** The day of the imports below, no organisation policy, and the exchanges' own rules (OKX: 14 days for an unbound trading key). */
const limits: ReminderLimits = { today: '2026-12-03', rulesOf: (id) => adapterById(id)?.rules };

/** A file as KeyScope writes it, with any records (valid or not) and header overrides. */
function file(records: unknown[], header: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: '2026-12-01T10:00:00.000Z',
    reminders: records,
    ...header,
  });
}

/** Everything else empty: the reminders go through the full export and import, the ones the extension uses. */
const NOTHING_ELSE: AllData = { reminders: [], quarantine: [], settings: DEFAULT_SETTINGS, guardedSites: [] };

/** The file an older KeyScope wrote, reminders only: a full export's header and reminders, without the other sections. */
function exportInventory(reminders: Reminder[], exportedAt: string): string {
  const { format, version, reminders: written } = JSON.parse(exportAllData({ ...NOTHING_ELSE, reminders }, exportedAt));
  return JSON.stringify({ format, version, exportedAt, reminders: written }, null, 2);
}

/** The reminders and report of a full import into an inventory with nothing else. */
function importInventory(
  content: string,
  existing: Reminder[],
  at: ReminderLimits,
): Pick<ReturnType<typeof importAllData>, 'reminders' | 'report'> {
  const { reminders, report } = importAllData(content, { ...NOTHING_ELSE, reminders: existing }, at);
  return { reminders, report };
}

const inventory: Reminder[] = [
  reminder(),
  reminder({
    id: 'r2',
    exchange: 'okx',
    name: 'grid bot',
    permissions: ['read', 'trade'],
    ipBound: false,
    purpose: 'trading-bot',
    rotationDays: 14,
    due: '2026-12-10',
    state: 'pending',
  }),
  reminder({
    id: 'r3',
    name: 'old bot',
    state: 'rotated',
    source: 'manual',
    history: [
      { kind: 'created', on: '2026-11-26' },
      { kind: 'snoozed', on: '2026-12-01' },
      { kind: 'rotated', on: '2026-12-02' },
    ],
  }),
  reminder({
    id: 'r4',
    name: 'tax',
    created: '2026-12-02',
    due: '2027-03-02',
    replaces: 'r3',
    snoozedUntil: '2026-12-08',
    notified: 'due-soon',
    source: 'exchange-list',
  }),
];

describe('export', () => {
  test('writes the format, the schema version, the instant and the reminders, as pretty JSON', () => {
    const text = exportInventory(inventory, '2026-12-03T09:30:00.000Z');
    expect(JSON.parse(text)).toEqual({
      format: 'keyscope-inventory',
      version: SCHEMA_VERSION,
      exportedAt: '2026-12-03T09:30:00.000Z',
      reminders: inventory,
    });
    expect(text).toContain('\n  "reminders": [\n');
  });

  test('writes reminder metadata only, whatever else a stored record carries', () => {
    const carrying = {
      ...reminder(),
      apiSecret: 'do-not-export',
      history: [{ kind: 'created', on: '2026-11-26', note: 'x' }],
    } as unknown as Reminder;
    const text = exportInventory([carrying], '2026-12-03T09:30:00.000Z');
    expect(text).not.toContain('do-not-export');
    expect(JSON.parse(text).reminders).toEqual([reminder()]);
  });
});

describe('round trip', () => {
  test('export then import into an empty inventory gives the same reminders', () => {
    const { reminders, report } = importInventory(exportInventory(inventory, '2026-12-03T09:30:00.000Z'), [], limits);
    expect(reminders).toEqual(inventory);
    expect(report).toEqual({ added: 4, updated: 0, unchanged: 0, rejected: [] });
  });

  test('importing the same export again changes nothing', () => {
    const { reminders, report } = importInventory(
      exportInventory(inventory, '2026-12-03T09:30:00.000Z'),
      inventory,
      limits,
    );
    expect(reminders).toBe(inventory);
    expect(report).toEqual({ added: 0, updated: 0, unchanged: 4, rejected: [] });
  });
});

describe('files refused as a whole: nothing is imported and the user is told why', () => {
  const padded = (text: string, bytes: number) => text + ' '.repeat(bytes - Buffer.byteLength(text));
  const valid = file([reminder({ id: 'new' })]);

  test.each([
    ['not JSON', '{"format": "keyscope-inventory", ', /^This file is not JSON/],
    ['an empty file', '', /^This file is not JSON/],
    ['an array instead of an object', JSON.stringify([reminder({ id: 'new' })]), /not a KeyScope inventory export/],
    ['null', 'null', /not a KeyScope inventory export/],
    ['another format', file([reminder({ id: 'new' })], { format: 'other-app' }), /not a KeyScope inventory export/],
    ['no format', file([reminder({ id: 'new' })], { format: undefined }), /not a KeyScope inventory export/],
    ['a version that is not a number', file([reminder({ id: 'new' })], { version: '2' }), /no valid format version/],
    ['version 0', file([reminder({ id: 'new' })], { version: 0 }), /no valid format version/],
    ['a fractional version', file([reminder({ id: 'new' })], { version: 1.5 }), /no valid format version/],
    ['no version', file([reminder({ id: 'new' })], { version: undefined }), /no valid format version/],
    [
      'a newer version',
      file([reminder({ id: 'new' })], { version: SCHEMA_VERSION + 1 }),
      new RegExp(`comes from a newer KeyScope \\(format version ${SCHEMA_VERSION + 1}\\)`),
    ],
    ['reminders that are not a list', file([], { reminders: { 0: reminder({ id: 'new' }) } }), /no list of reminders/],
    [
      'more reminders than the limit',
      file(Array.from({ length: IMPORT_MAX_REMINDERS + 1 }, (_, i) => reminder({ id: `k${i}` }))),
      /lists 5001 reminders; KeyScope imports up to 5000/,
    ],
    [
      'one byte over the size limit (valid JSON otherwise)',
      padded(valid, IMPORT_MAX_BYTES + 1),
      /^This file is 4\.0 MB; KeyScope imports files up to 4\.0 MB\.$/,
    ],
    ['a huge file', padded(valid, 5 * IMPORT_MAX_BYTES), /^This file is 20\.0 MB;/],
    [
      'a file over the limit in UTF-8 bytes though under it in characters',
      file([reminder({ id: 'new' })], { exportedAt: '密'.repeat(Math.ceil(IMPORT_MAX_BYTES / 3) + 10) }),
      /^This file is 4\.0 MB;/,
    ],
  ])('%s', (_case, text, error) => {
    const existing = [reminder()];
    const { reminders, report } = importInventory(text, existing, limits);
    expect(reminders).toBe(existing);
    expect(say(report.error!)).toMatch(error);
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 0, rejected: [] });
  });

  test('a file exactly at the size limit is imported', () => {
    const text = padded(valid, IMPORT_MAX_BYTES);
    expect(Buffer.byteLength(text)).toBe(IMPORT_MAX_BYTES);
    expect(importInventory(text, [], limits).report).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: [] });
  });

  test('an export of as many reminders as the limit, with typical histories, can be imported again', () => {
    const typical = (i: number) =>
      reminder({
        id: `0f8fad5b-d9cb-469f-a165-${String(i).padStart(12, '0')}`,
        exchange: 'binance',
        name: `trading bot number ${i}`,
        permissions: ['read', 'trade'],
        purpose: 'trading-bot',
        history: [
          { kind: 'created', on: '2026-11-26' },
          { kind: 'confirmed', on: '2026-11-26' },
          { kind: 'snoozed', on: '2026-12-01' },
        ],
      });
    const text = exportInventory(
      Array.from({ length: IMPORT_MAX_REMINDERS }, (_, i) => typical(i)),
      '2026-12-03T09:30:00.000Z',
    );
    expect(importInventory(text, [], limits).report).toEqual({
      added: IMPORT_MAX_REMINDERS,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
  });
});

describe('a deeply nested file is refused by its depth, before anything walks it', () => {
  const empty: AllData = { reminders: [], quarantine: [], settings: DEFAULT_SETTINGS, guardedSites: [] };
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const deep = nested(100_000);
  const refusal =
    /^This file nests lists or objects more than 32 levels deep; a KeyScope export never does, so it was not read\.$/;

  // Before the limit, the last two threw "Maximum call stack size exceeded" (JSON.stringify of the record kept
  // aside, String() of the site) instead of saying anything.
  test.each([
    ['the whole file', deep],
    ['a record kept aside', file([], { quarantine: ['KEEP'] }).replace('"KEEP"', deep)],
    ['a guarded site', file([], { guardedSites: ['SITE'] }).replace('"SITE"', deep)],
    ['a reminder', file(['REC']).replace('"REC"', deep)],
    ['one level over the limit', file([], { quarantine: ['KEEP'] }).replace('"KEEP"', nested(IMPORT_MAX_DEPTH - 1))],
  ])('100,000 levels (or 33) in %s: nothing is imported, and the message says why', (_where, content) => {
    const mine = { ...empty, reminders: [reminder()] };
    let result: ReturnType<typeof importAllData> | undefined;
    expect(() => (result = importAllData(content, mine, limits))).not.toThrow();
    expect(say(result!.report.error!)).toMatch(refusal);
    expect(result!.reminders).toBe(mine.reminders);
    expect(result!.quarantine).toBe(mine.quarantine);
  });

  test('a file exactly at the limit is read, and brackets inside text do not count', () => {
    const content = file([reminder({ id: 'b', name: '['.repeat(100) })], { quarantine: ['KEEP'] }).replace(
      '"KEEP"',
      nested(IMPORT_MAX_DEPTH - 2),
    );
    const result = importAllData(content, empty, limits);
    expect(result.report).toMatchObject({ added: 1, keptAside: 1 });
    expect(result.report.error).toBeUndefined();
  });
});

describe('records: each bad one is reported, the good ones are imported', () => {
  test('one bad record among good ones', () => {
    const good = [reminder({ id: 'a' }), reminder({ id: 'c', name: 'other' })];
    const { reminders, report } = importInventory(
      file([good[0], reminder({ id: 'b', name: 'broken', due: '2027-02-30' }), good[1]]),
      [],
      limits,
    );
    expect(reminders).toEqual(good);
    expect(report).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      rejected: [{ index: 1, name: 'broken', reason: text('import_reason_invalid_field', 'due') }],
    });
    expect(say(report.rejected[0]!.reason)).toBe('not a valid KeyScope reminder (invalid field: due)');
  });

  const { id: _id, ...noId } = reminder();
  const { source: _source, history: _history, ...v1 } = reminder();
  test.each<[string, unknown, number, string]>([
    ['an impossible due date', reminder({ due: '2027-02-30' }), SCHEMA_VERSION, 'invalid field: due'],
    ['no id', noId, SCHEMA_VERSION, 'missing field: id'],
    ['an exchange id with markup', reminder({ exchange: '<b>okx</b>' }), SCHEMA_VERSION, 'invalid field: exchange'],
    [
      'an unknown permission',
      { ...reminder(), permissions: ['read', 'root'] },
      SCHEMA_VERSION,
      'invalid field: permissions',
    ],
    ['a name over 200 characters', reminder({ name: 'x'.repeat(201) }), SCHEMA_VERSION, 'invalid field: name'],
    ['an unknown state', { ...reminder(), state: 'lost' }, SCHEMA_VERSION, 'invalid field: state'],
    ['a zero interval', reminder({ rotationDays: 0 }), SCHEMA_VERSION, 'invalid field: rotationDays'],
    [
      'a malformed history event',
      { ...reminder(), history: [{ kind: 'created', on: 'yesterday' }] },
      SCHEMA_VERSION,
      'invalid field: history',
    ],
    ['a bad optional field', { ...reminder(), notified: 'always' }, SCHEMA_VERSION, 'invalid field: notified'],
    ['a current record without a source', v1, SCHEMA_VERSION, 'missing field: source'],
    [
      'a version-1 record without a created date (source and history would migrate)',
      { ...v1, created: undefined },
      1,
      'missing field: created',
    ],
    ['a number', 42, SCHEMA_VERSION, 'not an object'],
    ['null', null, SCHEMA_VERSION, 'not an object'],
    ['a list', [reminder()], SCHEMA_VERSION, 'not an object'],
  ])('%s is rejected, naming what is wrong', (_case, record, version, reason) => {
    const { reminders, report } = importInventory(file([reminder({ id: 'ok' }), record], { version }), [], limits);
    expect(reminders.map((r) => r.id)).toEqual(['ok']);
    expect(report.added).toBe(1);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.index).toBe(1);
    expect(say(report.rejected[0]!.reason)).toContain(reason);
  });

  test.each<[string, unknown, string | undefined]>([
    ['a string name', reminder({ name: 'my bot', due: 'soon' }), 'my bot'],
    ['a long name, cut to 60 characters', reminder({ name: '键'.repeat(70), due: 'soon' }), `${'键'.repeat(59)}…`],
    ['a name of exactly 60 characters, whole', reminder({ name: 'n'.repeat(60), due: 'soon' }), 'n'.repeat(60)],
    ['a name that is not a string', { ...reminder(), name: { html: '<b>' } }, undefined],
    ['no name', 'garbage', undefined],
  ])('a rejected record with %s is reported with it', (_case, record, name) => {
    const rejected = importInventory(file([record]), [], limits).report.rejected[0]!;
    expect(rejected.name).toBe(name);
    expect('name' in rejected).toBe(name !== undefined);
  });

  test('a version-1 record (no source, no history) migrates as stored ones do', () => {
    const { source: _s, history: _h, ...old } = reminder({ id: 'old' });
    const { reminders, report } = importInventory(file([old], { version: 1 }), [], limits);
    expect(report).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: [] });
    expect(reminders).toEqual([{ ...old, source: 'form', history: [{ kind: 'created', on: old.created }] }]);
  });

  test('new reminders keep their fields as in the file: source and history are not rewritten', () => {
    const record = reminder({ id: 'n', source: 'exchange-list', history: [{ kind: 'tracked', on: '2026-11-20' }] });
    expect(importInventory(file([record]), [], limits).reminders).toEqual([record]);
  });

  test('duplicated ids in the file: the first wins, later ones are rejected', () => {
    const first = reminder({ id: 'same', name: 'first' });
    const { reminders, report } = importInventory(
      file([first, reminder({ id: 'same', name: 'second' }), reminder({ id: 'same', name: 'third', history: [] })]),
      [],
      limits,
    );
    expect(reminders).toEqual([first]);
    expect(report.rejected).toEqual([
      { index: 1, name: 'second', reason: text('import_reason_duplicate') },
      { index: 2, name: 'third', reason: text('import_reason_duplicate') },
    ]);
  });

  test('a name with markup or script is kept as plain text, and nothing else changes', () => {
    const hostile = reminder({ id: 'x', name: '<script>alert(1)</script><img src=x onerror=alert(2)>' });
    const { reminders, report } = importInventory(file([hostile]), [], limits);
    expect(report.added).toBe(1);
    expect(reminders[0]!.name).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(reminders).toEqual([hostile]);
  });

  test('fields beyond a reminder\'s own are not imported, and "__proto__" pollutes nothing', () => {
    const text = file([reminder({ id: 'p' })]).replace(
      '"id":"p"',
      '"id":"p","secret":"s3cr3t","__proto__":{"polluted":true}',
    );
    const { reminders } = importInventory(text, [], limits);
    expect(reminders).toEqual([reminder({ id: 'p' })]);
    expect(Object.keys(reminders[0]!)).not.toContain('secret');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(reminders[0])).toBe(Object.prototype);
  });
});

describe('each record is fitted as a new key is (policy, dates, due date), and the report says what changed', () => {
  const policy: ReminderLimits = { ...limits, maxRotationDays: 30 };
  const fittedOf = (content: string, at: ReminderLimits = limits, existing: Reminder[] = []) =>
    importInventory(content, existing, at);
  const key = (overrides: Partial<Reminder>) =>
    reminder({ id: 'k', name: 'bot', created: '2026-11-01', rotationDays: 30, due: '2026-12-01', ...overrides });

  test("a file's due date is never taken: due in 2099 for a key created 2026-11-01 with 30 days is due 2026-12-01", () => {
    const { reminders, report } = fittedOf(file([key({ due: '2099-01-01', notified: 'overdue' })]));
    expect(reminders).toEqual([key({})]);
    expect(report).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      rejected: [],
      fitted: [{ index: 0, name: 'bot', changes: [text('import_fit_due', '2099-01-01', '2026-12-01')] }],
    });
    expect(say(report.fitted![0]!.changes)).toBe(
      'due date 2099-01-01 replaced by 2026-12-01 (creation date plus interval, within the exchange’s own deadline)',
    );
  });

  test("the exchange's own deadline applies as it does to a new key: an unbound OKX trading key with 90 days is due in 14", () => {
    const unbound = key({ permissions: ['read', 'trade'], ipBound: false, rotationDays: 90, due: '2027-01-30' });
    expect(fittedOf(file([unbound])).reminders[0]).toMatchObject({ rotationDays: 90, due: '2026-11-15' });
  });

  test("under a policy of 30 days a live key's 90 days are cut to 30; a rotated generation keeps its 90 as history", () => {
    const live = key({ rotationDays: 90, due: '2027-01-30' });
    const archived = key({ id: 'old', name: 'old', state: 'rotated', rotationDays: 90, due: '2027-01-30' });
    const { reminders, report } = fittedOf(file([live, archived]), policy);
    expect(reminders).toEqual([key({}), archived]);
    expect(report.fitted).toEqual([
      {
        index: 0,
        name: 'bot',
        changes: [text('import_fit_rotation_policy', 90, 30), text('import_fit_due', '2027-01-30', '2026-12-01')],
      },
    ]);
    expect(say(report.fitted![0]!.changes[0]!)).toBe(
      'rotation interval cut from 90 to 30 days, your organisation’s maximum',
    );
  });

  test("without a policy, an interval over a year (the stored limit is ten) is cut to KeyScope's 366 days", () => {
    const { reminders, report } = fittedOf(file([key({ rotationDays: 3000, due: '2035-01-18' })]));
    expect(reminders[0]).toMatchObject({ rotationDays: 366, due: '2027-11-02' });
    expect(report.fitted![0]!.changes[0]).toEqual(text('import_fit_rotation_max', 3000, 366));
  });

  test.each<[string, Partial<Reminder>, Partial<Reminder>, Text]>([
    [
      'created after today',
      { created: '2099-01-01', due: '2099-01-31' },
      { created: '2026-12-03', due: '2027-01-02' },
      text('import_fit_created', '2099-01-01', '2026-12-03'),
    ],
    [
      'created before 2009',
      { created: '1999-01-01', due: '1999-01-31' },
      { created: '2009-01-01', due: '2009-01-31' },
      text('import_fit_created', '1999-01-01', '2009-01-01'),
    ],
    [
      'a snooze until 2099 (notifications silent for ever)',
      { snoozedUntil: '2099-01-01' },
      { snoozedUntil: undefined },
      text('import_fit_snooze', '2099-01-01'),
    ],
    [
      'history dated in the future',
      {
        history: [
          { kind: 'created', on: '2026-11-01' },
          { kind: 'edited', on: '2099-01-01' },
        ],
      },
      {
        history: [
          { kind: 'created', on: '2026-11-01' },
          { kind: 'edited', on: '2026-12-03' },
        ],
      },
      text('import_fit_history'),
    ],
    ['a name with spaces around it', { name: '  bot  ' }, { name: 'bot' }, text('import_fit_name')],
    [
      'a name with a right-to-left override',
      { name: 'bot\u202Etxt.exe' },
      { name: 'bottxt.exe' },
      text('import_fit_name'),
    ],
    [
      'a permission listed 500 times',
      { permissions: Array.from({ length: 500 }, () => 'read' as const) },
      { permissions: ['read'] },
      text('import_fit_permissions'),
    ],
    [
      'a link to a replaced key that is no id',
      { replaces: 'x'.repeat(101) },
      { replaces: undefined },
      text('import_fit_replaces'),
    ],
  ])('%s is fitted, and reported', (_case, given, fitted, change) => {
    const { reminders, report } = fittedOf(file([key(given)]));
    expect(reminders).toEqual([JSON.parse(JSON.stringify(key({ ...given, ...fitted })))]);
    expect(report.fitted![0]!.changes).toContainEqual(change);
  });

  test('a record that updates a listed one is fitted too; a listed one left as it is is not reported', () => {
    const mine = key({});
    const later = key({
      rotationDays: 90,
      due: '2099-01-01',
      history: [...mine.history, { kind: 'edited', on: '2026-12-01' }],
    });
    const { reminders, report } = fittedOf(file([later, key({ id: 'same' })]), policy, [mine, key({ id: 'same' })]);
    expect(reminders[0]).toMatchObject({ rotationDays: 30, due: '2026-12-01', history: later.history });
    expect(report).toMatchObject({ updated: 1, unchanged: 1 });
    expect(report.fitted!.map((f) => f.index)).toEqual([0]);
  });

  test('for any live key, the imported due date is the one editing that key would give (exchange rules, any policy)', () => {
    const dates = fc
      .integer({ min: 0, max: 6000 })
      .map((days) => new Date(Date.UTC(2009, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom(...ADAPTERS.map((a) => a.id)),
        fc.subarray([...PERMISSIONS], { minLength: 1 }),
        fc.boolean(),
        dates,
        dates,
        fc.integer({ min: 1, max: 3660 }),
        fc.option(fc.integer({ min: 1, max: 366 }), { nil: undefined }),
        (exchange, permissions, ipBound, created, due, rotationDays, maxRotationDays) => {
          const today = '2026-12-03';
          const record = reminder({
            exchange,
            permissions,
            ipBound,
            created: created > today ? today : created,
            due,
            rotationDays,
          });
          const [got] = importInventory(file([record]), [], { ...limits, maxRotationDays }).reminders;
          const cap = Math.min(rotationDays, maxRotationDays ?? 366, 366);
          expect(got!.due).toBe(edit(record, { rotationDays: cap }, today, adapterById(exchange)?.rules).due);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('merging with the inventory, without duplicates', () => {
  const mine = reminder({ id: 'mine', name: 'Grid Bot' });
  const later = reminder({
    id: 'mine',
    name: 'Grid Bot',
    state: 'revoked',
    history: [...mine.history, { kind: 'revoked', on: '2026-12-02' }],
  });

  test.each<[string, Reminder, Reminder[], Partial<Record<'added' | 'updated' | 'unchanged', number>>]>([
    ['the same reminder', mine, [mine], { unchanged: 1 }],
    ['the same id with a longer history (changed later) replaces it', later, [later], { updated: 1 }],
    [
      'the same id with a shorter history keeps the listed one',
      reminder({ ...mine, name: 'renamed', history: [] }),
      [mine],
      { unchanged: 1 },
    ],
    [
      'the same id, different, with as long a history keeps the listed one',
      reminder({ ...mine, name: 'renamed' }),
      [mine],
      { unchanged: 1 },
    ],
    [
      'another id, same exchange, name (any case, spaces) and creation day is a duplicate',
      reminder({ id: 'other', name: '  grid BOT ' }),
      [mine],
      { unchanged: 1 },
    ],
    [
      'another id and another creation day is another key',
      reminder({ id: 'other', created: '2026-11-27', due: '2027-02-25' }),
      [mine, reminder({ id: 'other', created: '2026-11-27', due: '2027-02-25' })],
      { added: 1 },
    ],
    [
      'another id on another exchange is another key',
      reminder({ id: 'other', exchange: 'binance', name: 'grid bot' }),
      [mine, reminder({ id: 'other', exchange: 'binance', name: 'grid bot' })],
      { added: 1 },
    ],
  ])('%s', (_case, imported, expected, counts) => {
    const { reminders, report } = importInventory(file([imported]), [mine], limits);
    expect(reminders).toEqual(expected);
    expect(report).toEqual({ added: 0, updated: 0, unchanged: 0, rejected: [], ...counts });
  });

  test('unnamed keys are never duplicates of each other by name', () => {
    const unnamed = reminder({ id: 'u1', name: '' });
    const { report } = importInventory(file([reminder({ id: 'u2', name: '  ' })]), [unnamed], limits);
    expect(report.added).toBe(1);
  });

  test('an updated reminder stays in its place, new ones come after the listed ones', () => {
    const first = reminder({ id: 'first', name: 'a' });
    const { reminders } = importInventory(file([reminder({ id: 'new', name: 'b' }), later]), [mine, first], limits);
    expect(reminders.map((r) => r.id)).toEqual(['mine', 'first', 'new']);
    expect(reminders[0]).toEqual(later);
  });

  test('the listed reminders themselves are not modified', () => {
    const existing = [structuredClone(mine)];
    importInventory(file([later, reminder({ id: 'new' })]), existing, limits);
    expect(existing).toEqual([mine]);
  });
});

describe('all data: settings, reminders, records kept aside and guarded sites in one file', () => {
  const settings: Settings = {
    dueSoonDays: 10,
    sync: true,
    syncProblem: 'quota',
    rotationDays: 180,
    disabledExchanges: ['kraken'],
    confirmCritical: true,
  };
  const everything: AllData = {
    reminders: inventory,
    quarantine: [{ id: 'damaged', due: 'soon' }, 'not even an object'],
    settings,
    guardedSites: ['https://exchange.example', 'https://broker.example'],
  };
  const empty: AllData = { reminders: [], quarantine: [], settings: DEFAULT_SETTINGS, guardedSites: [] };
  const exported = () => exportAllData(everything, '2026-12-03T09:30:00.000Z');

  test('the export carries the format version and every section; sync trouble is not data', () => {
    const file = JSON.parse(exported());
    expect(file).toMatchObject({
      format: EXPORT_FORMAT,
      version: SCHEMA_VERSION,
      reminders: inventory,
      quarantine: everything.quarantine,
      guardedSites: everything.guardedSites,
    });
    expect(file.settings).toEqual({
      dueSoonDays: 10,
      sync: true,
      rotationDays: 180,
      disabledExchanges: ['kraken'],
      confirmCritical: true,
    });
  });

  test('round trip into an empty browser: reminders, records kept aside and settings (sync stays off here); sites listed to add again', () => {
    const result = importAllData(exported(), empty, limits);
    expect(result.reminders).toEqual(inventory);
    expect(result.quarantine).toEqual(everything.quarantine);
    expect(result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      dueSoonDays: 10,
      rotationDays: 180,
      disabledExchanges: ['kraken'],
      confirmCritical: true,
    });
    expect(result.guardedSites).toEqual([]);
    expect(result.report).toEqual({
      added: 4,
      updated: 0,
      unchanged: 0,
      rejected: [],
      settings: { applied: ['dueSoonDays', 'rotationDays', 'disabledExchanges', 'confirmCritical'], rejected: [] },
      keptAside: 2,
      sites: { missing: ['https://exchange.example', 'https://broker.example'], rejected: [] },
    });
  });

  test('importing the same file again changes nothing and duplicates nothing', () => {
    const once = importAllData(exported(), empty, limits);
    const twice = importAllData(exported(), { ...once, guardedSites: everything.guardedSites }, limits);
    expect(twice.reminders).toBe(once.reminders);
    expect(twice.quarantine).toBe(once.quarantine);
    expect(twice.settings).toBe(once.settings);
    expect(twice.report).toMatchObject({
      added: 0,
      unchanged: 4,
      keptAside: 0,
      settings: { applied: [] },
      sites: { missing: [] },
    });
  });

  test('never drops what is kept here: existing reminders and records kept aside stay', () => {
    const mine = reminder({ id: 'mine', name: 'only here' });
    const result = importAllData(exported(), { ...empty, reminders: [mine], quarantine: ['mine aside'] }, limits);
    expect(result.reminders[0]).toEqual(mine);
    expect(result.reminders).toHaveLength(5);
    expect(result.quarantine).toEqual(['mine aside', ...everything.quarantine]);
  });

  test('each bad setting and site is reported; the good ones are applied', () => {
    const content = file([], {
      settings: {
        dueSoonDays: 500,
        rotationDays: 30,
        disabledExchanges: 'okx',
        confirmCritical: true,
        unknownLater: 1,
      },
      guardedSites: ['https://ok.example', 'javascript:alert(1)', 'https://ok.example/path', 7],
    });
    const { settings: next, report } = importAllData(content, empty, limits);
    expect(next).toEqual({ ...DEFAULT_SETTINGS, rotationDays: 30, confirmCritical: true });
    expect(report.settings).toEqual({
      applied: ['rotationDays', 'confirmCritical'],
      rejected: [
        { field: 'dueSoonDays', reason: text('settings_error_due_soon', 1, 60) },
        { field: 'disabledExchanges', reason: text('settings_error_exchanges') },
      ],
    });
    expect(report.sites).toEqual({
      missing: ['https://ok.example'],
      rejected: ['javascript:alert(1)', 'https://ok.example/path', '7'],
    });
  });

  test('an old reminders-only export still imports, and leaves settings, records kept aside and sites alone', () => {
    const old = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      reminders: [{ ...reminder({ id: 'v1' }), source: undefined, history: undefined }],
    });
    const current: AllData = { ...empty, settings, quarantine: ['kept'] };
    const result = importAllData(old, current, limits);
    expect(result.reminders.map((r) => r.id)).toEqual(['v1']);
    expect(result.settings).toBe(settings);
    expect(result.quarantine).toBe(current.quarantine);
    expect(result.report).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: [] });
  });

  test('a refused file changes nothing', () => {
    const current: AllData = { ...everything };
    const result = importAllData('{"format": "something-else"}', current, limits);
    expect(result).toMatchObject({
      reminders: current.reminders,
      quarantine: current.quarantine,
      settings: current.settings,
    });
    expect(say(result.report.error!)).toMatch(/not a KeyScope inventory export/);
  });
});
