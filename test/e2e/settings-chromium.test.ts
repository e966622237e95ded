// The settings page in Chromium with the built dist/chrome extension: OKX turned off there gets no panel on its key
// page (the background no longer injects the guard) and the popup says KeyScope is off for OKX; turned on again,
// the panel is back at the next page load. Fresh profile per test.
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closePopup, extensionId, launchChromium, openPopup } from '../../scripts/browsers.mjs';
import { OKX, overlayAfter, waitForOverlay } from './harness';
import { openFixture } from './inventory-scenarios';

/** How long a key page is given to show a panel it must not show (the panel appears in ~12 ms when it does). */
const NO_PANEL_MS = 1500;

async function openOptions(browser: Browser): Promise<Page> {
  const options = await browser.newPage();
  await options.goto(`chrome-extension://${await extensionId(browser)}/src/options/index.html`, { waitUntil: 'load' });
  await options.waitForSelector('#ks-exchanges');
  return options;
}

/** The "Guard these exchanges" checkbox of one exchange, found by its label as a user finds it. */
async function exchangeBox(options: Page, name: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await options.evaluateHandle((wanted) => {
    const label = Array.from(document.querySelectorAll('.ks-exchanges label')).find(
      (l) => l.textContent?.trim() === wanted,
    );
    return label?.querySelector('input') ?? null;
  }, name);
  const box = handle.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!box) throw new Error(`no checkbox for ${name} in the settings page`);
  return box;
}

/** Clicks the exchange's box and waits until the page shows the stored value (it re-reads after each change). */
async function setExchange(options: Page, name: string, on: boolean): Promise<void> {
  await options.bringToFront();
  const box = await exchangeBox(options, name);
  expect(await box.evaluate((el) => el.checked)).toBe(!on);
  await box.click();
  await options.waitForFunction(
    (wanted, checked) => {
      const label = Array.from(document.querySelectorAll('.ks-exchanges label')).find(
        (l) => l.textContent?.trim() === wanted,
      );
      const input = label?.querySelector('input');
      return input?.checked === checked && !input.disabled;
    },
    { timeout: 10_000, polling: 50 },
    name,
    on,
  );
  await box.dispose();
}

describe('Settings page in Chromium (built extension)', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await launchChromium({ headless: true });
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("OKX off: no panel on OKX's key page and the popup says so; on again: the panel is back", async () => {
    const options = await openOptions(browser);
    await setExchange(options, 'OKX', false);

    const page = await openFixture(browser, OKX.keyPage, 'en-native.html');
    expect(await overlayAfter(page, NO_PANEL_MS)).toBe(false);

    const popup = await openPopup(browser, page);
    try {
      await popup.waitForSelector('[data-keyscope-exchange-off="okx"]', { timeout: 10_000 });
      const said = await popup.$eval('[data-keyscope-exchange-off]', (el) => (el as HTMLElement).innerText);
      expect(said).toContain('KeyScope is off for OKX.');
    } finally {
      await closePopup(popup);
    }

    await setExchange(options, 'OKX', true);
    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    const state = await waitForOverlay(page, { exchange: 'okx' });
    expect(state.permissions).toEqual(['read']);
  });
});
