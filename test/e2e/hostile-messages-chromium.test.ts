// A compromised content script (code running in KeyScope's own isolated world of an exchange tab) against the built
// extension in Chromium: it may ask what the guard needs, for its own exchange, and nothing else. Chromium only: the
// DevTools protocol reaches an extension's isolated world; Firefox's automation (BiDi) does not.
import type { Page, WebWorker } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { fixture, launchChromium } from '../../scripts/browsers.mjs';
import { contentWorld, type ContentWorld } from './content-world';
import { readyWorker } from './extension-worker';
import { clickText, OKX, waitForOverlay } from './harness';
import { useBrowser } from './okx-scenarios';

// The `chrome.*` calls evaluated in the service worker (no @types/chrome here).
declare const chrome: {
  storage: {
    session: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
};

/** The risk of each tab's verdict kept for the popup, or "unknown". */
function storedVerdicts(worker: WebWorker): Promise<string[]> {
  return worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('verdict:'))
      .map(([, value]) => (typeof value === 'string' ? value : (value as { risk: string }).risk));
  });
}

const send = (type: string, payload: unknown) => `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`;

describe('a compromised content script on the OKX key page (Chromium)', () => {
  const open = useBrowser({ name: 'Chromium', launch: () => launchChromium({ headless: true }) });

  async function world(): Promise<{ page: Page; world: ContentWorld }> {
    const page = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-native.html') });
    await waitForOverlay(page, { exchange: 'okx' });
    return { page, world: await contentWorld(page) };
  }

  it('cannot list, delete or change what only the popup and settings page may (every key, settings, sites, records kept aside)', async () => {
    const { world: w } = await world();
    for (const [type, payload] of [
      ['reminders:list', {}],
      ['reminder:delete', { id: 'x' }],
      ['settings:set', { sync: true }],
      ['sites:list', {}],
      ['verdict:get', { tabId: 1 }],
      ['reminders:discard-pending', { ids: ['x'] }],
      ['kept-aside:delete', { records: [] }],
    ] as const) {
      const reply = await w.run<{ error?: string }>(send(type, payload));
      expect(reply?.error, type).toMatch(/refused/);
    }
    await w.close();
  });

  it('speaks only for its own exchange: a record "for Binance" is stored as the OKX page\'s', async () => {
    const { world: w } = await world();
    const reply = await w.run<{ exchange?: string; name?: string }>(
      send('reminder:record', {
        exchange: 'binance',
        name: 'spoofed',
        permissions: ['read'],
        ipBound: true,
        rotationDays: 30,
      }),
    );
    expect(reply).toMatchObject({ exchange: 'okx', name: 'spoofed' });
    const names = await w.run<string[]>(send('reminders:tracked-names', { exchange: 'binance' }));
    expect(names).toContain('spoofed'); // the OKX names: the payload's "binance" was not used
    await w.close();
  });

  it('malformed or oversized requests are refused with a reason, and change nothing', async () => {
    const { world: w } = await world();
    const bad = await w.run<{ error?: string }>(
      send('reminder:record', { name: 'x', permissions: ['root'], ipBound: true, rotationDays: 30 }),
    );
    expect(bad.error).toMatch(/malformed request: permissions/);
    const huge = await w.run<{ error?: string }>(
      send('purpose:set', { purpose: 'other', padding: 'x'.repeat(70_000) }),
    );
    expect(huge.error).toMatch(/larger than/);
    await w.close();
  });

  it("cannot read or write storage.local itself, nor listen on the popup's port", async () => {
    const { world: w } = await world();
    const read = await w.run<string>(
      'chrome.storage.local.get(null).then(() => "read", (e) => "refused: " + e.message)',
    );
    expect(read).toMatch(/^refused/);
    const write = await w.run<string>(
      'chrome.storage.local.set({ settings: { rotationDays: 1 } }).then(() => "written", (e) => "refused: " + e.message)',
    );
    expect(write).toMatch(/^refused/);
    const port = await w.run<string>(`new Promise((resolve) => {
      const port = chrome.runtime.connect({ name: 'keyscope-popup' });
      port.onMessage.addListener(() => resolve('pushed'));
      port.onDisconnect.addListener(() => resolve('disconnected'));
      setTimeout(() => resolve('open'), 3000);
    })`);
    expect(port).toBe('disconnected');
    await w.close();
  });

  it('a refused verdict (oversized) leaves the tab "unknown", not at its older verdict; a good one is kept again', async () => {
    const { page, world: w } = await world();
    const worker = await readyWorker(page.browser());
    await expect.poll(() => storedVerdicts(worker)).toEqual(['medium']);
    const reply = await w.run<{ error?: string }>(
      send('verdict:update', {
        verdict: {
          risk: 'none',
          findings: [],
          toFix: 0,
          permissions: [],
          ipEntries: Array(5000).fill('1.1.1.1'),
          ids: [],
          ready: true,
        },
      }),
    );
    expect(reply.error).toMatch(/refused/);
    await expect.poll(() => storedVerdicts(worker)).toEqual(['unknown']);
    await clickText(page, '#create-api-form', 'Withdraw');
    await expect.poll(() => storedVerdicts(worker)).toEqual(['critical']);
    await w.close();
  });

  it('a full session storage never leaves an older verdict standing: the tab\'s verdict turns "unknown"', async () => {
    const page = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-native.html') });
    await waitForOverlay(page, { exchange: 'okx', risk: 'medium' });
    const worker = await readyWorker(page.browser());
    const verdicts = () => storedVerdicts(worker);
    expect(await verdicts()).toEqual(['medium']);
    // What a guarded tab could do before verdicts had a size cap: fill storage.session up to its quota.
    const filled = await worker.evaluate(async () => {
      let size = 10 * 1024 * 1024;
      while (size > 1024) {
        const ok = await chrome.storage.session.set({ padding: 'x'.repeat(size) }).then(
          () => true,
          () => false,
        );
        if (ok) return size;
        size -= 4096;
      }
      return 0;
    });
    expect(filled).toBeGreaterThan(9 * 1024 * 1024);
    await clickText(page, '#create-api-form', 'Withdraw');
    await waitForOverlay(page, { exchange: 'okx', risk: 'critical' });
    await expect.poll(verdicts, { timeout: 5000 }).toEqual(['unknown']);
    await worker.evaluate(() => chrome.storage.session.remove('padding'));
  });
});
