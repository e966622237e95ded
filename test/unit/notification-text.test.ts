import { beforeEach, expect, test, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../src/inventory/reminder';
import { reminder } from './helpers';

// A notification is plain text: a key's name from a page or a file must not reorder the sentence around it. With
// storage, the permission and the notifications API in memory, one check notifies an overdue key.

const memory = new Map<string, unknown>();
const created: Array<{ title: string; message: string }> = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        async get(key: string) {
          return memory.has(key) ? { [key]: structuredClone(memory.get(key)) } : {};
        },
        async set(items: Record<string, unknown>) {
          for (const [key, value] of Object.entries(items)) memory.set(key, structuredClone(value));
        },
      },
    },
    permissions: { contains: async () => true },
    action: { setBadgeBackgroundColor: async () => {}, setBadgeText: async () => {}, setTitle: async () => {} },
    runtime: { getURL: (path: string) => `chrome-extension://id/${path}` },
    notifications: {
      create: async (_id: string, options: { title: string; message: string }) => void created.push(options),
    },
  },
}));

const { runCheck } = await import('../../src/background/checks');

beforeEach(() => {
  memory.clear();
  created.length = 0;
});

test("an overdue key's name is set in the notification isolated (FSI … PDI), its hidden characters already gone", async () => {
  // Stored before names were cleaned: a right-to-left override that would turn the rest of the sentence around.
  const stored = reminder({ name: 'bot\u202E exe.txt', created: '2026-01-01', rotationDays: 30, due: '2026-01-31' });
  memory.set('reminders', { version: SCHEMA_VERSION, reminders: [stored], quarantine: [] });
  await runCheck(new Date(2026, 11, 5, 12));
  expect(created).toHaveLength(1);
  expect(created[0]!.message).toContain('\u2068bot exe.txt\u2069');
  expect(created[0]!.message).not.toContain('\u202E');
});
