// The README's pictures of the panel and the popup (panel.png, popup.png, popup-list.png), taken in real Chromium with
// the built extension at every `npm test`, so that they are always takeable and show the current interface. Each is
// taken only after the test has checked that the screen is in the state the README describes. `npm test` writes them
// to artifacts/screenshots/ (not tracked); `npm run screenshots` writes them over docs/screenshots/ for the README.
//
// The same inputs give the same pixels: the OKX replica page, a fixed story, and the service worker's clock pinned to
// one day with reminders stored for fixed dates, so the popup's "Due in …" lines do not change with the date.
// Checked 2026-11: four runs in a row wrote byte-identical PNGs (without the settle wait below, one in four did not).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePopup,
  extensionId,
  fixture,
  launchChromium,
  openPopup,
  ROOT,
  VIEWPORT,
} from '../../scripts/browsers.mjs';
import { pinWorkerClock, seedReminders, storedReminder } from './extension-worker';
import { clickPanel, clickText, HOST, OKX, waitForOverlay } from './harness';
import { openOkx } from './okx-scenarios';

const SCREENSHOTS =
  process.env.KEYSCOPE_SCREENSHOTS === 'docs'
    ? join(ROOT, 'docs', 'screenshots')
    : join(ROOT, 'artifacts', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
/** The Chrome Web Store takes screenshots of exactly 1280×800 (or 640×400): the panel picture is that size. */
const STORE_SHOT = { width: 1280, height: 800 } as const;
const TODAY = '2026-11-26';
/** Chromium's limit for an action popup's height; reached when the screen is tall enough (headless: 800×600). */
const POPUP_MAX_HEIGHT = 600;
const TALL_SCREEN = '--screen-info={0,0 1280x1024}';

// What the popup lists, most urgent first, as of TODAY.
const REMINDERS = [
  storedReminder('shot-grid', 'Grid bot — BTC/USDT', '2026-08-25', 90, '2026-11-23'),
  storedReminder('shot-koinly', 'Portfolio tracker (Koinly)', '2026-09-01', 90, '2026-11-30', {
    exchange: 'binance',
    permissions: ['read'],
    purpose: 'read-only',
  }),
  storedReminder('shot-tax', 'Tax export 2025', '2026-11-06', 90, '2027-02-04', {
    exchange: 'kraken',
    permissions: ['read'],
    purpose: 'read-only',
  }),
];

// The whole inventory, as of TODAY: every state a row can be in, the history, and one record kept aside.
const INVENTORY = {
  version: 2,
  reminders: [
    storedReminder('list-grid', 'Grid bot — BTC/USDT', '2026-11-09', 14, '2026-11-23', {
      ipBound: false,
      snoozedUntil: '2026-11-27',
      history: [
        { kind: 'created', on: '2026-11-09' },
        { kind: 'snoozed', on: '2026-11-26' },
      ],
    }),
    ...REMINDERS.slice(1),
    storedReminder('list-dca', 'DCA bot', TODAY, 90, '2027-02-24', { state: 'pending', source: 'form' }),
    storedReminder('list-arb', 'Old arbitrage bot', '2026-05-02', 90, '2026-07-31', {
      permissions: ['read', 'trade', 'withdraw'],
      state: 'revoked',
      history: [
        { kind: 'created', on: '2026-05-02' },
        { kind: 'revoked', on: '2026-08-18' },
      ],
    }),
  ],
  quarantine: [{ id: 'half-written', exchange: 'okx', name: 'half-written key', due: 'someday' }],
};

interface PopupRow {
  name: string;
  status: string | null;
  due: string;
}

/**
 * A picture once the rendering has settled: taken again until two in a row are the same bytes (a popup just opened
 * was seen, once in four runs, with ten pixels of a button edge still being drawn).
 */
async function settledPicture(take: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let previous = await take();
  for (let attempt = 0; attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await take();
    if (Buffer.from(next).equals(Buffer.from(previous))) return next;
    previous = next;
  }
  throw new Error('The picture kept changing: the page never settled');
}

async function popupRows(popup: Page): Promise<PopupRow[]> {
  return popup.$$eval('[data-keyscope-reminder]', (list) =>
    list.map((row) => ({
      name: row.querySelector('.ks-row-name')?.textContent ?? '',
      status: row.getAttribute('data-status'),
      due: row.querySelector('.ks-row-due')?.textContent ?? '',
    })),
  );
}

describe('README screenshots in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    expect(VIEWPORT.width).toBe(STORE_SHOT.width);
    expect(VIEWPORT.height).toBeGreaterThanOrEqual(STORE_SHOT.height);
    browser = await launchChromium({ headless: true, args: [TALL_SCREEN] });
    page = await openOkx(browser, OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-native.html') });
    await waitForOverlay(page, { exchange: 'okx' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('panel.png: a trading bot key with Withdraw ticked on the OKX replica — "Stop: 1 thing to fix"', async () => {
    await clickPanel(page, 'Trading bot', 'label');
    await clickText(page, '#create-api-form', 'Trade');
    await clickText(page, '#create-api-form', 'Withdraw');
    await page.type('#create-api-form textarea', '8.8.8.8');
    await clickPanel(page, '90 days');
    await waitForOverlay(page, {
      risk: 'critical',
      findings: 'scope.withdraw',
      permissions: 'read trade withdraw',
      ips: '8.8.8.8',
    });

    const panel = await page.$eval(HOST, (host) => {
      const box = host.shadowRoot!.querySelector('.ks-panel')!.getBoundingClientRect();
      return { bottom: box.bottom, verdict: host.shadowRoot!.querySelector('.ks-verdict')?.textContent ?? '' };
    });
    expect(panel.verdict).toContain('Stop: 1 thing to fix');
    // The whole panel fits in the store-sized picture.
    expect(panel.bottom).toBeLessThanOrEqual(STORE_SHOT.height);
    expect(await page.evaluate(() => scrollY)).toBe(0);

    const png = await settledPicture(() => page.screenshot({ clip: { x: 0, y: 0, ...STORE_SHOT } }));
    writeFileSync(join(SCREENSHOTS, 'panel.png'), png);
  });

  it('popup.png: the same verdict above the stored keys, most urgent first', async () => {
    await pinWorkerClock(browser, `${TODAY}T12:00:00Z`);
    await seedReminders(browser, { version: 2, reminders: REMINDERS, quarantine: [] });

    const popup = await openPopup(browser, page);
    try {
      await popup.waitForFunction(
        (count) =>
          document.querySelector('[data-keyscope-status]')?.getAttribute('data-risk') === 'critical' &&
          document.querySelectorAll('[data-keyscope-reminder]').length === count,
        { timeout: 10_000 },
        REMINDERS.length,
      );
      expect(await popup.$eval('[data-keyscope-status]', (el) => (el as HTMLElement).innerText)).toContain(
        'Stop: 1 thing to fix',
      );
      expect(await popupRows(popup)).toEqual([
        { name: 'Grid bot — BTC/USDT', status: 'overdue', due: 'Overdue by 3 days (2026-11-23)' },
        { name: 'Portfolio tracker (Koinly)', status: 'due-soon', due: 'Due in 4 days (2026-11-30)' },
        { name: 'Tax export 2025', status: 'ok', due: 'Due in 70 days (2027-02-04)' },
      ]);

      // The popup as it opens: Chromium makes an action popup at most 600 px tall (it scrolls beyond that), and the
      // picture is that first screenful. The verdict and every key row must be whole in it.
      const fold = await popup.evaluate(() => ({
        height: innerHeight,
        lastRow: Math.max(
          ...Array.from(
            document.querySelectorAll('[data-keyscope-reminder]'),
            (row) => row.getBoundingClientRect().bottom,
          ),
        ),
      }));
      expect(fold.height).toBe(POPUP_MAX_HEIGHT);
      expect(fold.lastRow, 'the last key row is cut off in the popup picture').toBeLessThanOrEqual(fold.height);
      const png = await settledPicture(() => popup.screenshot({ captureBeyondViewport: false }));
      writeFileSync(join(SCREENSHOTS, 'popup.png'), png);
    } finally {
      await closePopup(popup);
    }
  });

  // The popup page in a tab of its own, as tall as its content: its status then says this tab is no key page, which is
  // true. The history is opened, as a user would, to show it.
  it('popup-list.png: the whole inventory — overdue and snoozed, due soon, ok, pending, history, a record kept aside', async () => {
    await pinWorkerClock(browser, `${TODAY}T12:00:00Z`);
    await seedReminders(browser, INVENTORY);
    const tab = await browser.newPage();
    try {
      await tab.setViewport({ width: 410, height: 1200 });
      await tab.goto(`chrome-extension://${await extensionId(browser)}/src/popup/index.html`, { waitUntil: 'load' });
      await tab.waitForFunction(
        (count) => document.querySelectorAll('[data-keyscope-reminder]').length === count,
        { timeout: 10_000 },
        INVENTORY.reminders.length,
      );
      await tab.click('.ks-history summary');
      expect(await popupRows(tab)).toEqual([
        { name: 'Grid bot — BTC/USDT', status: 'overdue', due: 'Overdue by 3 days (2026-11-23)' },
        { name: 'Portfolio tracker (Koinly)', status: 'due-soon', due: 'Due in 4 days (2026-11-30)' },
        { name: 'Tax export 2025', status: 'ok', due: 'Due in 70 days (2027-02-04)' },
        { name: 'DCA bot', status: 'ok', due: 'Due in 90 days (2027-02-24)' },
        { name: 'Old arbitrage bot', status: 'revoked', due: 'Revoked or deleted on 2026-08-18' },
      ]);
      const text = await tab.evaluate(() => document.body.innerText);
      expect(text).toContain('1 stored record could not be read and is kept aside unchanged.');
      expect(text).toContain('OKX deletes this key after 14 days without use (no IP bound)');
      expect(text).toContain('Snoozed until 2026-11-27');
      expect(text).toContain('Pending — did the exchange create it?');
      expect(await tab.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1200);

      const main = await tab.$('main');
      expect(main).not.toBeNull();
      writeFileSync(join(SCREENSHOTS, 'popup-list.png'), await settledPicture(() => main!.screenshot()));
    } finally {
      await tab.close();
    }
  });
});
