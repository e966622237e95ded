import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { EXPORT_FORMAT } from '../../src/inventory/transfer';
import { SCHEMA_VERSION } from '../../src/inventory/reminder';
import { reminder } from './helpers';

// Every read-modify-write of stored state goes through the background's one writer (src/background/writer.ts):
// settings, purposes and guarded sites as well as reminders. Two changes made at the same moment both survive; before,
// each read the old value and the second write undid the first. storage.local in memory, each read and write taking
// a turn of the event loop as the real ones do (./memory-browser.ts).

vi.mock('webextension-polyfill', async () => ({ default: (await import('./memory-browser')).browser }));
vi.mock('../../src/content/guard.ts?script', () => ({ default: 'guard.js' }));
vi.mock('../../src/content/describe.ts?script', () => ({ default: 'describe.js' }));
vi.mock('../../src/content/bootstrap.ts?script', () => ({ default: 'bootstrap.js' }));

const { browser, local, reset } = await import('./memory-browser');
const { handlers } = await import('../../src/background/handlers');
const { pushToSync } = await import('../../src/background/sync');
const { addGuardedSite, removeGuardedSite } = await import('../../src/background/guarded-sites');
const NO_SENDER = {} as never;

beforeEach(reset);

describe('two changes at the same moment both survive', () => {
  test('two settings changed at once (settings page and a second window)', async () => {
    await Promise.all([
      handlers['settings:set']({ dueSoonDays: 3 }, NO_SENDER),
      handlers['settings:set']({ rotationDays: 30 }, NO_SENDER),
    ]);
    expect(local.get('settings')).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 3, rotationDays: 30 });
  });

  test("purposes chosen at once on two exchanges' tabs", async () => {
    await Promise.all([
      handlers['purpose:set']({ exchange: 'okx', purpose: 'trading-bot' }, NO_SENDER),
      handlers['purpose:set']({ exchange: 'binance', purpose: 'read-only' }, NO_SENDER),
    ]);
    expect(local.get('purposes')).toEqual({ okx: 'trading-bot', binance: 'read-only' });
  });

  test('sync turning itself off (quota) keeps a settings change made meanwhile', async () => {
    local.set('settings', { ...DEFAULT_SETTINGS, sync: true });
    local.set('reminders', { version: SCHEMA_VERSION, reminders: [reminder()], quarantine: [] });
    browser.storage.sync.set.mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await Promise.all([pushToSync(), handlers['settings:set']({ dueSoonDays: 3 }, NO_SENDER)]);
    expect(local.get('settings')).toMatchObject({
      dueSoonDays: 3,
      sync: false,
      syncProblem: expect.stringMatching(/no longer fit/),
    });
  });

  test("an imported file's settings land beside a settings change made meanwhile, field by field", async () => {
    const file = JSON.stringify({
      format: EXPORT_FORMAT,
      version: SCHEMA_VERSION,
      exportedAt: '2026-12-01T00:00:00.000Z',
      reminders: [],
      settings: { ...DEFAULT_SETTINGS, rotationDays: 30 },
    });
    await Promise.all([
      handlers['reminders:import']({ text: file }, NO_SENDER),
      handlers['settings:set']({ dueSoonDays: 3 }, NO_SENDER),
    ]);
    expect(local.get('settings')).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 3, rotationDays: 30 });
  });

  test('a guarded site added while another is removed', async () => {
    local.set('guardedSites', ['https://old.example']);
    await Promise.all([addGuardedSite('https://new.example', undefined), removeGuardedSite('https://old.example')]);
    expect(local.get('guardedSites')).toEqual(['https://new.example']);
  });
});
