import { vi } from 'vitest';

/**
 * The browser as the background sees it, in memory, for tests that run the background's own code. storage.local
 * reads and writes each take a turn of the event loop, as the real ones do, so that messages arriving together
 * interleave; every write is counted, with its size, to measure what a burst of messages costs. Use it from a
 * `vi.mock('webextension-polyfill', …)` factory (`default: browser`) and clear it with `reset()` between tests.
 */
export const local = new Map<string, unknown>();
export const syncArea = new Map<string, unknown>();
const sessionArea = new Map<string, unknown>();

/** The writes to storage.local: how many `set` calls, how many of them wrote the reminders, and the bytes written. */
export const writes = { sets: 0, reminderSets: 0, bytes: 0 };

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

function read(area: Map<string, unknown>, keys: string | string[] | null) {
  const wanted = keys === null ? [...area.keys()] : typeof keys === 'string' ? [keys] : keys;
  return Object.fromEntries(wanted.filter((key) => area.has(key)).map((key) => [key, structuredClone(area.get(key))]));
}

export const browser = {
  runtime: { id: 'keyscope-test', getURL: (path: string) => `chrome-extension://keyscope-test/${path}` },
  action: {
    setBadgeBackgroundColor: vi.fn(async () => {}),
    setBadgeText: vi.fn(async () => {}),
    setTitle: vi.fn(async () => {}),
  },
  notifications: { create: vi.fn(async (_id: string, _options: { title: string; message: string }) => _id) },
  storage: {
    managed: { get: vi.fn(async () => ({})) },
    local: {
      async get(keys: string | string[] | null) {
        await turn();
        return read(local, keys);
      },
      set: vi.fn(async (items: Record<string, unknown>) => {
        await turn();
        writes.sets++;
        if ('reminders' in items) writes.reminderSets++;
        writes.bytes += JSON.stringify(items).length;
        for (const [key, value] of Object.entries(items)) local.set(key, structuredClone(value));
      }),
    },
    session: {
      get: async (keys: string | string[] | null) => read(sessionArea, keys),
      async set(items: Record<string, unknown>) {
        for (const [key, value] of Object.entries(items)) sessionArea.set(key, structuredClone(value));
      },
      async remove(key: string) {
        sessionArea.delete(key);
      },
    },
    sync: {
      async get(keys: string | string[] | null) {
        await turn();
        return read(syncArea, keys);
      },
      set: vi.fn(async (items: Record<string, unknown>) => {
        await turn();
        for (const [key, value] of Object.entries(items)) syncArea.set(key, structuredClone(value));
      }),
      async remove(keys: string[]) {
        for (const key of keys) syncArea.delete(key);
      },
    },
  },
  scripting: {
    executeScript: vi.fn(async () => []),
    getRegisteredContentScripts: vi.fn(async () => []),
    registerContentScripts: vi.fn(async () => undefined),
    unregisterContentScripts: vi.fn(async () => undefined),
  },
  permissions: { contains: vi.fn(async () => true), remove: vi.fn(async () => true) },
};

export function reset(): void {
  local.clear();
  syncArea.clear();
  sessionArea.clear();
  Object.assign(writes, { sets: 0, reminderSets: 0, bytes: 0 });
  browser.storage.local.set.mockClear();
  browser.notifications.create.mockClear();
  browser.storage.sync.set.mockReset();
  browser.storage.sync.set.mockImplementation(async (items: Record<string, unknown>) => {
    await turn();
    for (const [key, value] of Object.entries(items)) syncArea.set(key, structuredClone(value));
  });
}
