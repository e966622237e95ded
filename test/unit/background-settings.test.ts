import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { EXPORT_FORMAT } from '../../src/inventory/transfer';
import { SCHEMA_VERSION } from '../../src/inventory/reminder';
import { say } from '../../src/i18n';
import { reminder } from './helpers';

// The background's side of the settings, with storage.local in memory: changes validated before anything is
// stored, the guard not injected on an exchange turned off, and a full import writing every part it carries.

const memory = new Map<string, unknown>();
const executeScript = vi.fn(async () => []);
const tabMessage = vi.fn(async (_tabId: number, _message: unknown): Promise<unknown> => undefined);
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
    scripting: { executeScript },
    tabs: { sendMessage: tabMessage },
    permissions: { contains: async () => false },
  },
}));
vi.mock('../../src/content/guard.ts?script', () => ({ default: 'guard.js' }));
vi.mock('../../src/content/describe.ts?script', () => ({ default: 'describe.js' }));
vi.mock('../../src/content/bootstrap.ts?script', () => ({ default: 'bootstrap.js' }));

const { handlers } = await import('../../src/background/handlers');
const sender = (url: string) => ({ tab: { id: 7 } as never, url, frameId: 0 });
const NO_SENDER = {} as never;

beforeEach(() => {
  memory.clear();
  executeScript.mockClear();
});

describe('settings:set and settings:get', () => {
  test('old stored settings read with the new fields at their defaults', async () => {
    memory.set('settings', { dueSoonDays: 3, sync: false });
    expect(await handlers['settings:get']({}, NO_SENDER)).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 3 });
  });

  test('a valid change is stored, the other fields kept', async () => {
    memory.set('settings', { ...DEFAULT_SETTINGS, dueSoonDays: 3 });
    const saved = await handlers['settings:set'](
      { rotationDays: 180, disabledExchanges: ['okx', 'binance'], confirmCritical: true },
      NO_SENDER,
    );
    expect(saved).toEqual({
      ...DEFAULT_SETTINGS,
      dueSoonDays: 3,
      rotationDays: 180,
      disabledExchanges: ['binance', 'okx'],
      confirmCritical: true,
    });
    expect(memory.get('settings')).toEqual(saved);
  });

  test('a bad field refuses the whole change with words, and stores nothing', async () => {
    memory.set('settings', { ...DEFAULT_SETTINGS });
    await expect(handlers['settings:set']({ rotationDays: 0, confirmCritical: true }, NO_SENDER)).rejects.toThrow(
      /rotation interval must be a whole number/,
    );
    expect(memory.get('settings')).toEqual(DEFAULT_SETTINGS);
  });
});

describe('describer:inject: the page describer, into the asking frame only', () => {
  test("the built describe.js goes into the sender's own tab and frame, whatever the message says", async () => {
    const frame = { ...sender('https://www.okx.com/account/my-api'), frameId: 3 };
    expect(await handlers['describer:inject']({ tabId: 1, frameIds: [0] } as never, frame)).toBe(true);
    expect(executeScript).toHaveBeenCalledOnce();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['describe.js'] });
  });

  test("the popup's request: the tab's description, the tab's reason when it could not describe, or not running", async () => {
    const description = { keyscope: 'page-description', version: 1, host: 'www.okx.com' };
    tabMessage.mockResolvedValueOnce(description);
    await expect(handlers['page:describe']({ tabId: 7 }, NO_SENDER)).resolves.toEqual(description);
    expect(tabMessage).toHaveBeenLastCalledWith(7, { type: 'page:describe', payload: { tabId: 7 } });
    tabMessage.mockResolvedValueOnce({ error: 'Cannot access contents of the page.' });
    await expect(handlers['page:describe']({ tabId: 7, save: true }, NO_SENDER)).rejects.toThrow(
      'Cannot access contents of the page.',
    );
    tabMessage.mockResolvedValueOnce(undefined);
    await expect(handlers['page:describe']({ tabId: 7 }, NO_SENDER)).rejects.toThrow(
      say({ id: 'page_report_not_running' }),
    );
  });

  test('a content script may ask for it; the guard does, the pages have no reason to', async () => {
    const { mayAsk } = await import('../../src/background/senders');
    const content = { kind: 'content', tabId: 7, frameId: 0, url: new URL('https://www.okx.com/'), exchange: 'okx' };
    expect(mayAsk(content as never, 'describer:inject')).toBe(true);
    expect(mayAsk({ kind: 'refused', reason: 'not this extension' }, 'describer:inject')).toBe(false);
  });
});

describe('guard:inject follows the exchanges turned off', () => {
  test("on: the page's adapter, then the guard, are injected into the sending frame", async () => {
    expect(await handlers['guard:inject']({}, sender('https://www.okx.com/account/my-api'))).toBe(true);
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(executeScript).toHaveBeenNthCalledWith(
      1,
      expect.objectContaining({ target: { tabId: 7, frameIds: [0] }, args: [expect.objectContaining({ id: 'okx' })] }),
    );
    expect(executeScript).toHaveBeenNthCalledWith(2, { target: { tabId: 7, frameIds: [0] }, files: ['guard.js'] });
  });

  test('OKX off: nothing is injected on OKX; other exchanges still are', async () => {
    memory.set('settings', { ...DEFAULT_SETTINGS, disabledExchanges: ['okx'] });
    expect(await handlers['guard:inject']({}, sender('https://my.okx.com/account/my-api'))).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await handlers['guard:inject']({}, sender('https://www.binance.com/en/my/settings/api-management'))).toBe(
      true,
    );
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['guard.js'] });
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ args: [expect.objectContaining({ id: 'binance' })] }),
    );
  });
});

describe('reminders:import of a full export', () => {
  test('writes the reminders, the records kept aside and the settings; sync and the sites stay as they are', async () => {
    const mine = reminder({ id: 'mine', name: 'mine' });
    memory.set('reminders', { version: SCHEMA_VERSION, reminders: [mine], quarantine: ['kept here'] });
    memory.set('settings', { ...DEFAULT_SETTINGS, sync: false });
    memory.set('guardedSites', ['https://lumen.example']);
    const file = JSON.stringify({
      format: EXPORT_FORMAT,
      version: SCHEMA_VERSION,
      exportedAt: '2026-12-01T00:00:00.000Z',
      reminders: [reminder({ id: 'theirs', name: 'theirs' })],
      quarantine: ['kept there'],
      settings: { ...DEFAULT_SETTINGS, sync: true, rotationDays: 30 },
      guardedSites: ['https://lumen.example', 'https://zenith.example'],
    });
    const report = await handlers['reminders:import']({ text: file }, NO_SENDER);
    expect(report).toMatchObject({
      added: 1,
      keptAside: 1,
      settings: { applied: ['rotationDays'] },
      sites: { missing: ['https://zenith.example'] },
    });
    expect(memory.get('reminders')).toMatchObject({
      reminders: [mine, expect.objectContaining({ id: 'theirs' })],
      quarantine: ['kept here', 'kept there'],
    });
    expect(memory.get('settings')).toEqual({ ...DEFAULT_SETTINGS, rotationDays: 30 });
    expect(memory.get('guardedSites')).toEqual(['https://lumen.example']);
  });

  test('a file nested 100,000 levels deep is refused with words, not "Maximum call stack size exceeded", and nothing is written', async () => {
    const mine = reminder({ id: 'mine', name: 'mine' });
    memory.set('reminders', { version: SCHEMA_VERSION, reminders: [mine], quarantine: [] });
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const file = JSON.stringify({
      format: EXPORT_FORMAT,
      version: SCHEMA_VERSION,
      exportedAt: '2026-12-01T00:00:00.000Z',
      reminders: [],
      quarantine: ['DEEP'],
    });
    const report = await handlers['reminders:import']({ text: file.replace('"DEEP"', deep) }, NO_SENDER);
    expect(say(report.error!)).toBe(
      'This file nests lists or objects more than 32 levels deep; a KeyScope export never does, so it was not read.',
    );
    expect(memory.get('reminders')).toEqual({ version: SCHEMA_VERSION, reminders: [mine], quarantine: [] });
  });
});
