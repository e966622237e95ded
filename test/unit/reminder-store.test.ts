import { beforeEach, describe, expect, test, vi } from 'vitest';
import { addDays } from '../../src/core/rotation';
import { normalizeReminders, SCHEMA_VERSION, validateReminder, type Reminder } from '../../src/inventory/reminder';
import { keptTombstones, TOMBSTONE_DAYS } from '../../src/inventory/tombstones';
import { reminder } from './helpers';

// An in-memory storage.local whose reads and writes take turns with other tasks, as the real one does.
const memory = new Map<string, unknown>();
const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        async get(key: string) {
          await tick();
          return memory.has(key) ? { [key]: structuredClone(memory.get(key)) } : {};
        },
        async set(items: Record<string, unknown>) {
          await tick();
          for (const [key, value] of Object.entries(items)) memory.set(key, structuredClone(value));
        },
      },
    },
  },
}));

const store = await import('../../src/background/reminders');

const valid: Reminder = reminder({ id: 'a', name: 'bot', permissions: ['read', 'trade'] });

beforeEach(() => memory.clear());

describe('stored reminders: validation and quarantine', () => {
  test.each([
    ['nothing stored', undefined, 0, 0],
    ['a valid list', { version: 1, reminders: [valid], quarantine: [] }, 1, 0],
    [
      'one corrupt record beside a valid one',
      { version: 1, reminders: [valid, { ...valid, due: '2027-02-30' }], quarantine: [] },
      1,
      1,
    ],
    [
      'a record with an unknown permission',
      { version: 1, reminders: [{ ...valid, permissions: ['read', 'root'] }] },
      0,
      1,
    ],
    ['a record with a script as exchange', { version: 1, reminders: [{ ...valid, exchange: '<script>' }] }, 0, 1],
    ['a string instead of the store', 'garbage', 0, 1],
    ['an object without a list', { version: 1 }, 0, 1],
    ['earlier quarantine is kept', { version: 1, reminders: [valid], quarantine: [{ old: true }] }, 1, 1],
  ])('%s', (_name, raw, kept, quarantined) => {
    const result = normalizeReminders(raw);
    expect(result.version).toBe(SCHEMA_VERSION);
    expect(result.reminders).toHaveLength(kept);
    expect(result.quarantine).toHaveLength(quarantined);
  });

  test('a version 1 record (no source, no history) migrates to the current shape', () => {
    const { source: _s, history: _h, ...v1 } = valid;
    const result = normalizeReminders({ version: 1, reminders: [v1], quarantine: [] });
    expect(result.quarantine).toEqual([]);
    expect(result.reminders[0]).toEqual({ ...v1, source: 'form', history: [{ kind: 'created', on: '2026-11-26' }] });
  });

  test('records from a newer KeyScope are kept aside untouched, not misread', () => {
    const future = { ...valid, newField: true };
    const result = normalizeReminders({ version: SCHEMA_VERSION + 1, reminders: [future] });
    expect(result.reminders).toEqual([]);
    expect(result.quarantine).toEqual([future]);
  });

  test('a quarantined record is kept exactly as found', () => {
    const broken = { ...valid, state: 'lost', extra: { nested: [1, 2] } };
    expect(normalizeReminders({ version: 1, reminders: [broken] }).quarantine[0]).toEqual(broken);
  });

  test('validateReminder refuses names longer than 200 characters', () => {
    expect(validateReminder({ ...valid, name: 'x'.repeat(201) })).toBeUndefined();
    expect(validateReminder({ ...valid, name: 'x'.repeat(200) })).toEqual({ ...valid, name: 'x'.repeat(200) });
  });
});

describe('tombstones: the stored shape (version 3) and older data', () => {
  test('a version 2 store (no tombstones) reads whole, with none', () => {
    const result = normalizeReminders({ version: 2, reminders: [valid], quarantine: [{ old: true }] });
    expect(result).toEqual({
      version: SCHEMA_VERSION,
      reminders: [valid],
      quarantine: [{ old: true }],
      tombstones: [],
    });
  });

  test("a bad tombstone is dropped (bookkeeping, not the user's data); the reminders are untouched", () => {
    const tombstones = [
      { id: 'gone', deleted: '2026-11-20' },
      { id: 'x'.repeat(101), deleted: '2026-11-20' },
      { id: 'y', deleted: 'soon' },
      'z',
    ];
    const result = normalizeReminders({ version: 3, reminders: [valid], quarantine: [], tombstones });
    expect(result.tombstones).toEqual([{ id: 'gone', deleted: '2026-11-20' }]);
    expect(result.reminders).toEqual([valid]);
  });

  test('keptTombstones: one per id (the latest), forgotten after 90 days, none dated after tomorrow', () => {
    const kept = keptTombstones(
      [
        { id: 'a', deleted: '2026-11-01' },
        { id: 'a', deleted: '2026-11-20' },
        { id: 'old', deleted: addDays('2026-12-01', -TOMBSTONE_DAYS) },
        { id: 'last day', deleted: addDays('2026-12-01', -TOMBSTONE_DAYS + 1) },
        { id: 'tomorrow', deleted: '2026-12-02' },
        { id: 'ahead', deleted: '2026-12-03' },
      ],
      '2026-12-01',
    );
    expect(kept).toEqual([
      { id: 'tomorrow', deleted: '2026-12-02' },
      { id: 'a', deleted: '2026-11-20' },
      { id: 'last day', deleted: addDays('2026-12-01', -TOMBSTONE_DAYS + 1) },
    ]);
  });
});

describe('the inventory store in the background (single writer)', () => {
  const key = {
    exchange: 'okx',
    name: 'bot',
    permissions: ['read', 'trade'] as Reminder['permissions'],
    ipBound: false,
    rotationDays: 90,
  };

  test('a submitted key is pending, due created + interval, clamped to the exchange deadline', async () => {
    const plain = await store.recordSubmitted({ ...key, ipBound: true }, '2026-11-26');
    expect(plain).toMatchObject({ state: 'pending', source: 'form', due: '2027-02-24' });
    const unbound = await store.recordSubmitted({ ...key, deadlineDays: 14 }, '2026-11-26');
    expect(unbound.due).toBe('2026-12-10');
  });

  test('the success view confirms the newest pending key of that exchange, by name when it can', async () => {
    await store.recordSubmitted({ ...key, name: 'first' }, '2026-11-26');
    await store.recordSubmitted({ ...key, name: 'second' }, '2026-11-26');
    expect((await store.confirmPending({ exchange: 'okx' }, 'first', '2026-11-27'))?.name).toBe('first');
    expect((await store.confirmPending({ exchange: 'okx' }, undefined, '2026-11-27'))?.name).toBe('second');
    expect(await store.confirmPending({ exchange: 'okx' }, undefined, '2026-11-27')).toBeNull();
    const { reminders } = await store.listReminders('2026-11-27');
    expect(reminders.map((r) => [r.name, r.state, r.history.at(-1)?.kind])).toEqual([
      ['first', 'active', 'confirmed'],
      ['second', 'active', 'confirmed'],
    ]);
  });

  test('twenty writes at once from tabs and popup lose no reminder', async () => {
    // Five per exchange: the most pending keys one exchange may hold (PENDING_MAX).
    const exchanges = ['okx', 'binance', 'bybit', 'kraken'];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.recordSubmitted({ ...key, exchange: exchanges[i % 4]!, name: `key ${i}` }, '2026-11-26'),
      ),
    );
    const { reminders } = await store.listReminders('2026-11-26');
    expect(reminders.map((r) => r.name).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `key ${i}`).sort());
  });

  test('rotating, snoozing and revoking at once on different keys all land', async () => {
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((name) => store.addManual({ ...key, name, created: '2026-09-01' }, '2026-11-26')),
    );
    await Promise.all([
      store.rotateReminder(a!.id, '2026-11-26'),
      store.snoozeReminder(b!.id, 7, '2026-11-26'),
      store.revokeReminder(c!.id, '2026-11-26'),
    ]);
    const { reminders } = await store.listReminders('2026-11-26');
    expect(reminders.map((r) => [r.name, r.state]).sort()).toEqual([
      ['a', 'active'],
      ['a', 'rotated'],
      ['b', 'active'],
      ['c', 'revoked'],
    ]);
    expect(reminders.find((r) => r.name === 'b')?.snoozedUntil).toBe('2026-12-03');
  });

  test('delete returns the record and leaves a tombstone; restore puts it back exactly and removes the tombstone', async () => {
    // As the popup sends it: with OKX's 14 days for an unbound trading key (src/popup/KeyInventory.tsx).
    const added = await store.addManual({ ...key, created: '2026-11-01', deadlineDays: 14 }, '2026-11-26');
    const removed = await store.deleteReminder(added.id, '2026-11-26');
    expect((await store.listReminders('2026-11-26')).reminders).toEqual([]);
    expect(memory.get('reminders')).toMatchObject({
      version: SCHEMA_VERSION,
      tombstones: [{ id: added.id, deleted: '2026-11-26' }],
    });
    await store.restoreReminder(removed, { today: '2026-11-26' });
    expect((await store.listReminders('2026-11-26')).reminders).toEqual([added]);
    expect(memory.get('reminders')).toMatchObject({ tombstones: [] });
  });

  test('a version 2 store gains its first tombstone on a delete, written as version 3', async () => {
    memory.set('reminders', { version: 2, reminders: [valid], quarantine: [] });
    await store.deleteReminder(valid.id, '2026-11-26');
    expect(memory.get('reminders')).toEqual({
      version: 3,
      reminders: [],
      quarantine: [],
      tombstones: [{ id: valid.id, deleted: '2026-11-26' }],
    });
  });

  test('an action on a key deleted elsewhere says so', async () => {
    await expect(store.revokeReminder('gone', '2026-11-26')).rejects.toThrow(/no longer in your list/);
  });

  test('tracking the same listed key twice keeps one reminder', async () => {
    const listed = {
      exchange: 'okx',
      name: 'Tax tool',
      permissions: ['read'] as Reminder['permissions'],
      ipBound: true,
      created: '2026-01-10',
      rotationDays: 90,
    };
    const first = await store.trackListed(listed, '2026-11-26');
    const second = await store.trackListed({ ...listed, name: ' tax tool ' }, '2026-11-26');
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ source: 'exchange-list', created: '2026-01-10', due: '2026-04-10' });
    expect(await store.trackedNames('okx')).toEqual(['Tax tool']);
  });

  test('a write that fails (quota) changes nothing and is reported', async () => {
    await store.addManual({ ...key, created: '2026-11-01' }, '2026-11-26');
    const before = structuredClone(memory.get('reminders'));
    const browser = (await import('webextension-polyfill')).default;
    const set = vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(store.addManual({ ...key, name: 'big', created: '2026-11-01' }, '2026-11-26')).rejects.toThrow(
      /quota/,
    );
    set.mockRestore();
    expect(memory.get('reminders')).toEqual(before);
  });

  test('recording next to a quarantined record keeps the quarantined one', async () => {
    memory.set('reminders', { version: 2, reminders: [{ broken: true }], quarantine: [] });
    await store.recordSubmitted({ ...key, name: 'n' }, '2026-11-26');
    expect(memory.get('reminders')).toMatchObject({ reminders: [{ name: 'n' }], quarantine: [{ broken: true }] });
    expect((await store.listReminders('2026-11-26')).quarantined).toBe(1);
  });
});

describe('restrictions saved on a listed key (Binance "Edit restrictions")', () => {
  const key = {
    exchange: 'binance',
    name: 'grid-bot',
    permissions: ['read' as const, 'trade' as const, 'withdraw' as const],
    ipBound: true,
    rotationDays: 30,
  };

  test("the key's live reminder takes the new permissions and binding; its interval stays unless the user chose one", async () => {
    const existing: Reminder = {
      ...valid,
      id: 'g',
      exchange: 'binance',
      name: 'Grid-Bot',
      permissions: ['read'],
      ipBound: false,
    };
    const other: Reminder = { ...valid, id: 'o', exchange: 'okx', name: 'grid-bot' };
    memory.set('reminders', { version: SCHEMA_VERSION, reminders: [existing, other], quarantine: [] });
    const kept = await store.updateRestrictions(key, false, '2026-12-05');
    expect(kept).toMatchObject({
      id: 'g',
      permissions: ['read', 'trade', 'withdraw'],
      ipBound: true,
      rotationDays: 90,
      due: '2027-02-24',
    });
    expect(kept.history.at(-1)).toEqual({ kind: 'edited', on: '2026-12-05' });
    const chosen = await store.updateRestrictions(key, true, '2026-12-05');
    expect(chosen).toMatchObject({ id: 'g', rotationDays: 30, due: '2026-12-26' });
    const { reminders } = await store.listReminders('2026-12-05');
    expect(reminders).toHaveLength(2);
    expect(reminders.find((r) => r.id === 'o')).toEqual(other);
  });

  test('a key not tracked yet starts an active reminder from today; a pending one is confirmed', async () => {
    const started = await store.updateRestrictions(key, false, '2026-12-05');
    expect(started).toMatchObject({
      exchange: 'binance',
      name: 'grid-bot',
      state: 'active',
      created: '2026-12-05',
      rotationDays: 30,
    });
    memory.clear();
    memory.set('reminders', {
      version: SCHEMA_VERSION,
      reminders: [{ ...valid, exchange: 'binance', name: 'grid-bot', state: 'pending' }],
      quarantine: [],
    });
    expect((await store.updateRestrictions(key, false, '2026-12-05')).state).toBe('active');
  });
});
