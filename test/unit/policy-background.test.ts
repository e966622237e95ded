import type browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { text } from '../../src/core/text';
import { SCHEMA_VERSION, type KeyCreated, type Reminder } from '../../src/inventory/reminder';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { exportAllData } from '../../src/inventory/transfer';
import { say } from '../../src/i18n';

// The background against a stand-in for each browser's managed storage: Firefox rejects the read when no policy is
// set, Chrome answers {}, and an organisation's policy comes back as stored. storage.local is kept in memory.
const local = new Map<string, unknown>();
const managed: { read: () => Promise<Record<string, unknown>> } = { read: async () => ({}) };
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      managed: { get: () => managed.read() },
      local: {
        async get(key: string) {
          return local.has(key) ? { [key]: structuredClone(local.get(key)) } : {};
        },
        async set(items: Record<string, unknown>) {
          for (const [key, value] of Object.entries(items)) local.set(key, structuredClone(value));
        },
      },
    },
  },
}));

// Guard injection and guarded sites need crxjs's `?script` imports and the browser's scripting API: not under test here.
vi.mock('../../src/background/guarded-sites', () => ({
  addGuardedSite: vi.fn(),
  guardedSites: vi.fn(async () => []),
  removeGuardedSite: vi.fn(),
}));
vi.mock('../../src/background/inject-guard', () => ({ injectGuard: vi.fn() }));

const { handlers } = await import('../../src/background/handlers');
const sender = {} as browser.Runtime.MessageSender;
const MESSAGE = 'Acme security team: see wiki/keys';
const key: KeyCreated = {
  exchange: 'okx',
  name: 'grid bot',
  permissions: ['read', 'trade'],
  ipBound: true,
  rotationDays: 90,
};
// The background's clock, stopped at noon local time on a fixed day: expected dates are written out, not computed with
// the helpers under test.
const NOW = new Date(2026, 10, 26, 12);
const IN_30_DAYS = '2026-12-26';
const IN_90_DAYS = '2027-02-24';

function firefoxWithoutPolicy(): void {
  managed.read = () => Promise.reject(new Error('Managed storage manifest not found'));
}
function chromeWithoutPolicy(): void {
  managed.read = async () => ({});
}
function organisation(policy: Record<string, unknown>): void {
  managed.read = async () => structuredClone(policy);
}

beforeEach(() => {
  local.clear();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => vi.useRealTimers());

describe.each([
  ['Firefox (the read is rejected)', firefoxWithoutPolicy],
  ['Chrome (the read answers {})', chromeWithoutPolicy],
])('no policy: %s', (_browser, setUp) => {
  beforeEach(setUp);

  test('policy:get answers "no policy", with no note', async () => {
    await expect(handlers['policy:get']({}, sender)).resolves.toEqual({ notes: [] });
  });

  test('settings can be changed', async () => {
    await expect(handlers['settings:set']({ dueSoonDays: 14 }, sender)).resolves.toMatchObject({ dueSoonDays: 14 });
  });

  test('a recorded key keeps the interval the user chose', async () => {
    const saved = await handlers['reminder:record'](key, sender);
    expect(saved).toMatchObject({ rotationDays: 90, due: IN_90_DAYS });
  });
});

describe('an organisation policy', () => {
  beforeEach(() => organisation({ forbidWithdraw: true, maxRotationDays: 30, lockSettings: true, message: MESSAGE }));

  test('policy:get answers it, parsed', async () => {
    await expect(handlers['policy:get']({}, sender)).resolves.toEqual({
      policy: {
        forbidWithdraw: true,
        requireIpBinding: false,
        maxRotationDays: 30,
        lockSettings: true,
        message: MESSAGE,
      },
      notes: [],
    });
  });

  test('locked settings: the write is refused with a clear error naming the organisation, and nothing is stored', async () => {
    await expect(handlers['settings:set']({ dueSoonDays: 14 }, sender)).rejects.toThrow(
      `Your organisation manages KeyScope’s settings: they cannot be changed here. ${MESSAGE}`,
    );
    expect(local.has('settings')).toBe(false);
  });

  test("locked settings: an import adds the file's keys but writes none of its settings, and the report says why", async () => {
    const report = await handlers['reminders:import']({ text: await fullExport() }, sender);
    expect(report).toMatchObject({ added: 1, settings: { applied: [], rejected: [], managed: true } });
    expect(local.has('settings')).toBe(false);
  });

  test("a recorded key's interval is cut to the maximum, and its due date with it", async () => {
    const saved = await handlers['reminder:record'](key, sender);
    expect(saved).toMatchObject({ rotationDays: 30, due: IN_30_DAYS });
  });

  test('a key added by hand, tracked from the key list, or edited is cut to the maximum too', async () => {
    const added = await handlers['reminder:add']({ ...key, created: '2026-11-01' }, sender);
    expect(added).toMatchObject({ rotationDays: 30, due: '2026-12-01' });
    const tracked = await handlers['reminder:track'](
      { exchange: 'okx', name: 'tax tool', permissions: ['read'], ipBound: true, rotationDays: 366 },
      sender,
    );
    expect(tracked.rotationDays).toBe(30);
    const edited = await handlers['reminder:edit']({ id: added.id, changes: { rotationDays: 120 } }, sender);
    expect(edited).toMatchObject({ rotationDays: 30, due: '2026-12-01' });
  });

  test('a key rotated after the policy came in starts its next interval within the maximum; its history keeps the old one', async () => {
    organisation({});
    const before = await handlers['reminder:add']({ ...key, created: '2026-11-01' }, sender);
    expect(before.rotationDays).toBe(90);
    organisation({ maxRotationDays: 30 });
    const successor = await handlers['reminder:rotate']({ id: before.id }, sender);
    expect(successor).toMatchObject({ rotationDays: 30, due: IN_30_DAYS, replaces: before.id });
    const archived = (await handlers['reminders:list']({}, sender)).reminders.find((r) => r.id === before.id);
    expect(archived).toMatchObject({ state: 'rotated', rotationDays: 90 });
  });

  test('an interval already within the maximum is kept', async () => {
    await expect(handlers['reminder:record']({ ...key, rotationDays: 14 }, sender)).resolves.toMatchObject({
      rotationDays: 14,
    });
  });
});

describe('keys brought in from outside meet the policy as a new key does', () => {
  const file = (reminders: unknown[]) =>
    JSON.stringify({ format: 'keyscope-inventory', version: SCHEMA_VERSION, exportedAt: NOW.toISOString(), reminders });
  // Ten days before NOW; 30 and 90 days after it, written out.
  const created = () => '2026-11-16';
  const CREATED_PLUS_30 = '2026-12-16';
  const CREATED_PLUS_90 = '2027-02-14';
  const imported = (overrides: Partial<Reminder> = {}): Reminder => ({
    id: 'from-file',
    exchange: 'okx',
    name: 'grid bot',
    permissions: ['read', 'trade'],
    ipBound: true,
    created: created(),
    rotationDays: 90,
    due: CREATED_PLUS_90,
    state: 'active',
    source: 'form',
    history: [{ kind: 'created', on: created() }],
    ...overrides,
  });
  const stored = async () => (await handlers['reminders:list']({}, sender)).reminders;

  test('an import under a 30-day maximum cuts a 90-day key to 30, its due date with it, and the report says so', async () => {
    organisation({ maxRotationDays: 30 });
    const report = await handlers['reminders:import']({ text: file([imported()]) }, sender);
    expect(await stored()).toEqual([imported({ rotationDays: 30, due: CREATED_PLUS_30 })]);
    expect(report.fitted).toEqual([
      {
        index: 0,
        name: 'grid bot',
        changes: [text('import_fit_rotation_policy', 90, 30), text('import_fit_due', CREATED_PLUS_90, CREATED_PLUS_30)],
      },
    ]);
  });

  test('without a policy, an import still takes no due date from the file: 2099 becomes created + interval', async () => {
    chromeWithoutPolicy();
    const report = await handlers['reminders:import']({ text: file([imported({ due: '2099-12-31' })]) }, sender);
    expect((await stored())[0]).toMatchObject({ rotationDays: 90, due: CREATED_PLUS_90 });
    expect(report.fitted?.[0]?.changes).toEqual([text('import_fit_due', '2099-12-31', CREATED_PLUS_90)]);
  });

  test("undo of a delete after a policy came in restores the key within today's policy", async () => {
    chromeWithoutPolicy();
    const added = await handlers['reminder:add']({ ...key, created: created() }, sender);
    expect(added.rotationDays).toBe(90);
    const removed = await handlers['reminder:delete']({ id: added.id }, sender);
    organisation({ maxRotationDays: 30 });
    const restored = await handlers['reminder:restore']({ reminder: removed }, sender);
    expect(restored).toMatchObject({ id: added.id, rotationDays: 30, due: CREATED_PLUS_30 });
    expect(await stored()).toEqual([restored]);
  });

  test('undo cannot smuggle in a due date: the record sent back is fitted, whatever it says', async () => {
    chromeWithoutPolicy();
    const restored = await handlers['reminder:restore'](
      { reminder: imported({ due: '2099-12-31', snoozedUntil: '2099-12-31' }) },
      sender,
    );
    expect(restored).toEqual(imported());
  });
});

/** A full export (src/inventory/transfer.ts) of one key and settings that differ from the defaults; storage left empty. */
async function fullExport(): Promise<string> {
  const saved: Reminder = await handlers['reminder:record'](key, sender);
  local.clear();
  const settings = { ...DEFAULT_SETTINGS, dueSoonDays: 14, confirmCritical: true };
  return exportAllData({ reminders: [saved], quarantine: [], settings, guardedSites: [] }, NOW.toISOString());
}

test('a policy that does not lock settings lets an import write them', async () => {
  organisation({ requireIpBinding: true, message: MESSAGE });
  const report = await handlers['reminders:import']({ text: await fullExport() }, sender);
  expect(report.settings).toEqual({ applied: ['dueSoonDays', 'confirmCritical'], rejected: [] });
  await expect(handlers['settings:get']({}, sender)).resolves.toMatchObject({ dueSoonDays: 14, confirmCritical: true });
});

test('a policy that locks nothing leaves settings free', async () => {
  organisation({ requireIpBinding: true, message: MESSAGE });
  await expect(handlers['settings:set']({ dueSoonDays: 3 }, sender)).resolves.toMatchObject({ dueSoonDays: 3 });
});

test('an invalid policy enforces nothing, and its notes say what was ignored', async () => {
  organisation({ lockSettings: 'yes', maxRotationDays: 5000, colour: 'red' });
  const reading = await handlers['policy:get']({}, sender);
  expect(reading.policy).toBeUndefined();
  expect(reading.notes.map((note) => say(note))).toEqual([
    'Unknown policy field "colour" was ignored.',
    'Policy field "lockSettings" must be true or false; it was ignored.',
    'Policy field "maxRotationDays" must be a whole number of days from 1 to 366; it was ignored.',
  ]);
  await expect(handlers['settings:set']({ dueSoonDays: 3 }, sender)).resolves.toMatchObject({ dueSoonDays: 3 });
  await expect(handlers['reminder:record'](key, sender)).resolves.toMatchObject({ rotationDays: 90 });
});
