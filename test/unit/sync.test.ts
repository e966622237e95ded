import type browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { addDays, localCalendarDate } from '../../src/core/rotation';
import { SCHEMA_VERSION, type KeyCreated, type Reminder } from '../../src/inventory/reminder';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { TOMBSTONE_DAYS, TOMBSTONES_MAX } from '../../src/inventory/tombstones';
import { EXPORT_FORMAT } from '../../src/inventory/transfer';

// Two browsers signed in to one account: each has its own storage.local (and its own organisation policy, if any),
// both share one storage.sync that enforces Chrome's quotas (8 KB per item, 100 KB in all, 512 items). The background
// code runs once; which browser it runs in is the one whose storage it reads, switched only between whole steps.
type Name = 'A' | 'B';
const locals: Record<Name, Map<string, unknown>> = { A: new Map(), B: new Map() };
const policies: Record<Name, Record<string, unknown> | undefined> = { A: undefined, B: undefined };
const synced = new Map<string, unknown>();
let current: Name = 'A';

const QUOTA_BYTES = 102_400;
const QUOTA_BYTES_PER_ITEM = 8_192;
const MAX_ITEMS = 512;
const itemBytes = (key: string, value: unknown) => key.length + JSON.stringify(value).length;

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        async get(key: string) {
          const local = locals[current];
          return local.has(key) ? { [key]: structuredClone(local.get(key)) } : {};
        },
        async set(items: Record<string, unknown>) {
          for (const [key, value] of Object.entries(items)) locals[current].set(key, structuredClone(value));
        },
      },
      sync: {
        async get() {
          return structuredClone(Object.fromEntries(synced));
        },
        async set(items: Record<string, unknown>) {
          const next = new Map(synced);
          for (const [key, value] of Object.entries(items)) {
            if (itemBytes(key, value) > QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
            next.set(key, structuredClone(value));
          }
          if (next.size > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
          if ([...next].reduce((sum, [key, value]) => sum + itemBytes(key, value), 0) > QUOTA_BYTES)
            throw new Error('QUOTA_BYTES quota exceeded');
          for (const [key, value] of next) synced.set(key, value);
        },
        async remove(keys: string | string[]) {
          for (const key of [keys].flat()) synced.delete(key);
        },
      },
      managed: {
        async get() {
          const policy = policies[current];
          if (!policy) throw new Error('Managed storage manifest not found');
          return structuredClone(policy);
        },
      },
    },
  },
}));
vi.mock('../../src/background/guarded-sites', () => ({
  addGuardedSite: vi.fn(),
  guardedSites: vi.fn(async () => []),
  removeGuardedSite: vi.fn(),
}));
vi.mock('../../src/background/inject-guard', () => ({ injectGuard: vi.fn() }));

const { handlers } = await import('../../src/background/handlers');
const { onInventoryChange } = await import('../../src/background/reminders');
const { pullFromSync, pushToSync } = await import('../../src/background/sync');

// As src/background/index.ts does: every change of the inventory is pushed. The pushes are awaited before the test
// switches browsers, so that each runs in the browser that changed.
const pushes: Promise<void>[] = [];
onInventoryChange(() => pushes.push(pushToSync()));

/** Runs a step in one browser and waits for the pushes it caused. */
async function on<T>(name: Name, step: () => Promise<T>): Promise<T> {
  current = name;
  const result = await step();
  while (pushes.length) await pushes.shift();
  return result;
}

const sender = {} as browser.Runtime.MessageSender;
const today = () => localCalendarDate(new Date());
const key: KeyCreated & { created: string } = {
  exchange: 'okx',
  name: 'grid bot',
  permissions: ['read', 'trade'],
  ipBound: true,
  rotationDays: 90,
  created: '2026-11-01',
};
const listed = async (name: Name) =>
  on(name, async () => (await handlers['reminders:list']({}, sender)).reminders.map((r) => r.name).sort());
const syncedKeys = (prefix: string) => [...synced.keys()].filter((k) => k.startsWith(prefix)).sort();

beforeEach(() => {
  synced.clear();
  for (const name of ['A', 'B'] as const) {
    locals[name].clear();
    locals[name].set('settings', { ...DEFAULT_SETTINGS, sync: true });
    policies[name] = undefined;
  }
});
afterEach(() => vi.useRealTimers());

/** A key added on A and pulled by B: both list it, storage.sync holds it. */
async function sharedKey(name = 'grid bot'): Promise<Reminder> {
  const added = await on('A', () => handlers['reminder:add']({ ...key, name }, sender));
  await on('B', pullFromSync);
  expect(await listed('B')).toContain(name);
  return added;
}

describe('a deletion syncs: tombstones', () => {
  test("deleted on A, pulled on B: gone on B, and B's later push does not bring it back to A", async () => {
    const shared = await sharedKey();
    await on('A', () => handlers['reminder:delete']({ id: shared.id }, sender));
    expect(synced.get(`deleted:${shared.id}`)).toBe(today());
    expect(synced.has(`reminder:${shared.id}`)).toBe(false);

    await on('B', pullFromSync);
    expect(await listed('B')).toEqual([]);
    await on('B', () => handlers['reminder:add']({ ...key, name: 'tax tool' }, sender));
    expect(synced.has(`reminder:${shared.id}`)).toBe(false);
    await on('A', pullFromSync);
    expect(await listed('A')).toEqual(['tax tool']);
  });

  test('B changing something before it pulls does not push its stale copy back either', async () => {
    const shared = await sharedKey();
    const other = await on('A', () => handlers['reminder:add']({ ...key, name: 'tax tool' }, sender));
    await on('B', pullFromSync);
    await on('A', () => handlers['reminder:delete']({ id: shared.id }, sender));
    // B has not pulled the deletion yet: it snoozes another key, which pushes its whole list.
    await on('B', () => handlers['reminder:snooze']({ id: other.id, days: 1 }, sender));
    expect(synced.has(`reminder:${shared.id}`)).toBe(false);
    await on('A', pullFromSync);
    expect(await listed('A')).toEqual(['tax tool']);
    await on('B', pullFromSync);
    expect(await listed('B')).toEqual(['tax tool']);
  });

  test('a tombstone here blocks the merge even before it is pushed (sync was off when the key was deleted)', async () => {
    const shared = await sharedKey();
    await on('A', async () => locals.A.set('settings', { ...DEFAULT_SETTINGS, sync: false }));
    await on('A', () => handlers['reminder:delete']({ id: shared.id }, sender));
    expect(synced.has(`reminder:${shared.id}`)).toBe(true);
    // Turning sync on pulls first (B's copy is still there), then pushes.
    await on('A', () => handlers['settings:set']({ sync: true }, sender));
    expect(await listed('A')).toEqual([]);
    expect(syncedKeys('reminder:')).toEqual([]);
    await on('B', pullFromSync);
    expect(await listed('B')).toEqual([]);
  });

  test('undo of the delete on A brings the key back on B, even after B applied the deletion', async () => {
    const shared = await sharedKey();
    const removed = await on('A', () => handlers['reminder:delete']({ id: shared.id }, sender));
    await on('B', pullFromSync);
    expect(await listed('B')).toEqual([]);

    await on('A', () => handlers['reminder:restore']({ reminder: removed }, sender));
    expect(locals.A.get('reminders')).toMatchObject({ tombstones: [] });
    expect(syncedKeys('deleted:')).toEqual([]);
    await on('B', pullFromSync);
    expect(await listed('B')).toEqual(['grid bot']);
  });

  test('undo at once, while the deletion is still being pushed, leaves the key and no tombstone anywhere', async () => {
    const shared = await sharedKey();
    current = 'A';
    const removed = await handlers['reminder:delete']({ id: shared.id }, sender);
    await on('A', () => handlers['reminder:restore']({ reminder: removed }, sender));
    expect(syncedKeys('deleted:')).toEqual([]);
    expect(syncedKeys('reminder:')).toEqual([`reminder:${shared.id}`]);
    await on('B', pullFromSync);
    expect(await listed('B')).toEqual(['grid bot']);
  });

  test('importing a file that holds a key deleted earlier brings it back everywhere', async () => {
    const shared = await sharedKey();
    const removed = await on('A', () => handlers['reminder:delete']({ id: shared.id }, sender));
    await on('B', pullFromSync);
    const file = JSON.stringify({
      format: EXPORT_FORMAT,
      version: SCHEMA_VERSION,
      exportedAt: new Date().toISOString(),
      reminders: [removed],
    });
    const report = await on('A', () => handlers['reminders:import']({ text: file }, sender));
    expect(report.added).toBe(1);
    expect(syncedKeys('deleted:')).toEqual([]);
    await on('B', pullFromSync);
    expect(await listed('B')).toEqual(['grid bot']);
  });

  test(`a tombstone is forgotten after ${TOMBSTONE_DAYS} days, here and in storage.sync`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T12:00:00'));
    const shared = await sharedKey();
    await on('A', () => handlers['reminder:delete']({ id: shared.id }, sender));
    const pushOn = async (day: string) => {
      vi.setSystemTime(new Date(`${day}T12:00:00`));
      await on('A', pushToSync);
    };
    await pushOn(addDays('2026-12-01', TOMBSTONE_DAYS - 1));
    expect(syncedKeys('deleted:')).toEqual([`deleted:${shared.id}`]);
    await pushOn(addDays('2026-12-01', TOMBSTONE_DAYS));
    expect(syncedKeys('deleted:')).toEqual([]);
  });

  test('a synced tombstone dated years ahead (it would never expire) is ignored and removed', async () => {
    const shared = await sharedKey();
    synced.set(`deleted:${shared.id}`, '2999-01-01');
    await on('B', pullFromSync);
    expect(await listed('B')).toEqual(['grid bot']);
    await on('B', pushToSync);
    expect(synced.has(`deleted:${shared.id}`)).toBe(false);
  });

  test(`tombstones fit the sync quotas: 500 deletions with the longest ids keep the newest ${TOMBSTONES_MAX}, and sync stays on`, async () => {
    const long = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(96)}`;
    const reminders = Array.from({ length: 60 }, (_, i) => ({
      id: `k${i}`,
      exchange: 'okx',
      name: `key ${i}`,
      permissions: ['read'],
      ipBound: true,
      created: '2026-11-01',
      rotationDays: 90,
      due: '2027-01-30',
      state: 'active',
      source: 'manual',
      history: [{ kind: 'created', on: '2026-11-01' }],
    }));
    // 500 of them, five a day: uncapped they would take 560 items, over the 512 allowed.
    const tombstones = Array.from({ length: 500 }, (_, i) => ({
      id: long(i),
      deleted: addDays(today(), -Math.floor(i / 5)),
    }));
    locals.A.set('reminders', { version: SCHEMA_VERSION, reminders, quarantine: [], tombstones });
    await on('A', pushToSync);
    expect((await on('A', () => handlers['settings:get']({}, sender))).sync).toBe(true);
    expect(syncedKeys('deleted:')).toHaveLength(TOMBSTONES_MAX);
    expect(syncedKeys('reminder:')).toHaveLength(60);
    const bytes = [...synced].reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(bytes).toBeLessThan(QUOTA_BYTES);
    // The newest are kept: every kept one was deleted no earlier than the newest dropped one.
    expect(
      [...synced]
        .filter(([k]) => k.startsWith('deleted:'))
        .every(([, day]) => (day as string) >= addDays(today(), -20)),
    ).toBe(true);
  });
});

describe("what another browser syncs meets this browser's policy", () => {
  test("a 90-day key from A is kept within B's 30-day maximum, its due date with it", async () => {
    policies.B = { maxRotationDays: 30 };
    const shared = await sharedKey();
    const onB = (await on('B', () => handlers['reminders:list']({}, sender))).reminders.find((r) => r.id === shared.id);
    expect(onB).toMatchObject({ rotationDays: 30, due: '2026-12-01' });
  });

  test('a synced record that says due 2099 is due created + interval', async () => {
    const shared = await sharedKey();
    synced.set(`reminder:${shared.id}`, {
      ...shared,
      due: '2099-01-01',
      history: [...shared.history, { kind: 'edited', on: today() }],
    });
    await on('B', pullFromSync);
    const onB = (await on('B', () => handlers['reminders:list']({}, sender))).reminders[0];
    expect(onB).toMatchObject({ due: '2027-01-30', history: [...shared.history, { kind: 'edited', on: today() }] });
  });
});
