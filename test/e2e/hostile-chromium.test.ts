// Chromium with the built dist/chrome extension: a hostile page (hostile-scenarios.ts), the reminders read from the
// real popup; and, Chromium only (a test cannot change Firefox's settings: its extension pages are closed to tests),
// the page's script answering the panel's "Create this key anyway?" (confirm before critical, a setting).
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePopup, extensionId, launchChromium, openPopup } from '../../scripts/browsers.mjs';
import { clickPanel, clickText, HOST, panelText, waitForOverlay, waitForPanelText } from './harness';
import { hostileScenarios } from './hostile-scenarios';
import { answerCreate, openKeyList, sleep } from './inventory-scenarios';
import { QUIET_MS } from './okx-scenarios';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

/** The names of the popup's reminder rows, the popup opened for `page`'s tab as a user opens it. */
async function reminderNames(page: Page): Promise<string[]> {
  const popup = await openPopup(page.browser(), page);
  try {
    return await popup.$$eval('[data-keyscope-reminder] .ks-row-name', (names) =>
      names.map((name) => name.textContent ?? ''),
    );
  } finally {
    await closePopup(popup);
  }
}

hostileScenarios({ name: 'Chromium', launch: () => launchChromium({ headless: true }), reminderNames });

describe('Chromium: the page\'s script answers "Create this key anyway?" (confirm before critical, on)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ headless: true });
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${await extensionId(browser)}/src/options/index.html`, {
      waitUntil: 'load',
    });
    await options.evaluate(() => chrome.storage.local.set({ settings: { confirmCritical: true } }));
    await options.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const question = (page: Page) =>
    page.evaluate((host) => document.querySelector(host)?.shadowRoot?.querySelector('.ks-confirm') != null, HOST);
  const submits = (page: Page) => page.evaluate(() => (window as unknown as { __submits: number }).__submits);

  it('its clicks on either answer let nothing through; the user answers by keyboard and by mouse', async () => {
    const page = await openKeyList(browser);
    await page.evaluate(() => {
      (window as unknown as { __submits: number }).__submits = 0;
      document.addEventListener('submit', () => (window as unknown as { __submits: number }).__submits++, true);
    });
    await clickText(page, 'body', 'Create API key');
    await page.type('#ck-name', 'payout-script');
    await page.click('#ck-withdraw');
    await waitForOverlay(page, { risk: 'critical', has: ['scope.withdraw'] });
    await clickText(page, '[role="dialog"]', 'Confirm');
    await page.waitForFunction(
      (host) => document.querySelector(host)?.shadowRoot?.activeElement?.textContent === 'Go back',
      {},
      HOST,
    );

    await page.evaluate((host) => {
      const root = document.querySelector(host)!.shadowRoot!;
      for (const text of ['Create anyway', 'Go back']) {
        const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === text);
        button?.click();
        button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
    }, HOST);
    await sleep(QUIET_MS);
    expect(await question(page)).toBe(true);
    expect(await submits(page)).toBe(0);
    expect(await panelText(page)).not.toMatch(/Reminder saved|Not created/);

    // The user: Enter on the focused "Go back".
    await page.keyboard.press('Enter');
    await waitForPanelText(page, 'Not created: nothing was sent to OKX.');
    expect(await question(page)).toBe(false);
    expect(await submits(page)).toBe(0);
    expect(await reminderNames(page)).toEqual([]);

    // Asked again; the user's mouse on "Create anyway": the exchange gets the click, the reminder is recorded.
    await clickText(page, '[role="dialog"]', 'Confirm');
    await page.waitForFunction(
      (host) => document.querySelector(host)?.shadowRoot?.querySelector('.ks-confirm') != null,
      {},
      HOST,
    );
    await clickPanel(page, 'Create anyway');
    await waitForPanelText(page, `Reminder saved: rotate "payout-script"`);
    expect(await submits(page)).toBe(1);
    expect(await reminderNames(page)).toEqual(['payout-script']);
    await answerCreate(page);
    await page.close();
  });
});
