import { beforeEach, describe, expect, test, vi } from 'vitest';
import { normalizeReminders, SCHEMA_VERSION, validateReminder, type Reminder } from '../../src/reminder';

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

const { recordReminder, listReminders, reminderFor } = await import('../../src/background/reminders');

const valid: Reminder = {
  id: 'a', exchange: 'okx', name: 'bot', permissions: ['read', 'trade'], ipBound: true,
  created: '2026-11-26', rotationDays: 90, due: '2027-02-24', state: 'active',
};

beforeEach(() => memory.clear());

describe('stored reminders: validation and quarantine', () => {
  test.each([
    ['nothing stored', undefined, 0, 0],
    ['a valid list', { version: 1, reminders: [valid], quarantine: [] }, 1, 0],
    ['one corrupt record beside a valid one', { version: 1, reminders: [valid, { ...valid, due: '2027-02-30' }], quarantine: [] }, 1, 1],
    ['a record with an unknown permission', { version: 1, reminders: [{ ...valid, permissions: ['read', 'root'] }] }, 0, 1],
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

  test('a quarantined record is kept exactly as found', () => {
    const broken = { ...valid, state: 'lost', extra: { nested: [1, 2] } };
    expect(normalizeReminders({ version: 1, reminders: [broken] }).quarantine[0]).toEqual(broken);
  });

  test('validateReminder refuses names longer than 200 characters', () => {
    expect(validateReminder({ ...valid, name: 'x'.repeat(201) })).toBeUndefined();
    expect(validateReminder({ ...valid, name: 'x'.repeat(200) })).toEqual({ ...valid, name: 'x'.repeat(200) });
  });
});

describe('recording reminders in the background', () => {
  test('the due date is created + interval, clamped to the exchange deadline', () => {
    const base = { exchange: 'okx', name: 'bot', permissions: ['read', 'trade'] as Reminder['permissions'], ipBound: false, rotationDays: 90 };
    expect(reminderFor(base, '2026-11-26', 'x').due).toBe('2027-02-24');
    expect(reminderFor({ ...base, deadlineDays: 14 }, '2026-11-26', 'x').due).toBe('2026-12-10');
  });

  test('twenty writes at once from tabs and popup lose no reminder', async () => {
    const created = { exchange: 'okx', name: '', permissions: ['read'] as Reminder['permissions'], ipBound: true, rotationDays: 30 };
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordReminder({ ...created, name: `key ${i}` }, '2026-11-26')));
    const { reminders } = await listReminders();
    expect(reminders.map((r) => r.name).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `key ${i}`).sort());
  });

  test('recording next to a quarantined record keeps the quarantined one', async () => {
    memory.set('reminders', { version: 1, reminders: [{ broken: true }], quarantine: [] });
    await recordReminder({ exchange: 'okx', name: 'n', permissions: ['read'], ipBound: true, rotationDays: 30 }, '2026-11-26');
    expect(memory.get('reminders')).toMatchObject({ reminders: [{ name: 'n' }], quarantine: [{ broken: true }] });
    expect((await listReminders()).quarantined).toBe(1);
  });
});
