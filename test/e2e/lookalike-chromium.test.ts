// Look-alike domains in Chromium with the built dist/chrome extension: a fake OKX sign-in page served at
// https://www.okx.com.secure-login.io/ and at a Cyrillic look-alike (which the browser sends as punycode), by request
// interception, then the real action popup opened on each. The popup learns the address through the toolbar click's
// activeTab grant alone; the fakes are not among the manifest's hosts and no permission is asked.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePopup, launchChromium, openPopup, serveFixtures, type Route } from '../../scripts/browsers.mjs';

const FAKE = 'https://www.okx.com.secure-login.io/account/login';
const CYRILLIC = new URL('https://www.оkx.com/account/login').href; // Cyrillic о: https://www.xn--kx-emc.com/…
const REAL = 'https://www.okx.com/';

const signIn = (title: string): Route => ({
  body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>Log in to OKX</h1><form><label>Email <input name="email"></label><label>Password <input type="password" name="pw"></label>
<button type="button">Log in</button></form></body></html>`,
});

const ROUTES: Record<string, Route> = {
  [FAKE]: signIn('OKX | Log in'),
  [CYRILLIC]: signIn('OKX | Log in'),
  [REAL]: signIn('OKX'),
};

/** What the popup shows about the page: its look-alike block's contract attributes and text, and the tab's URL. */
async function popupOn(browser: Browser, page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  const popup = await openPopup(browser, page);
  try {
    await popup.waitForSelector('section[aria-label="Your keys"]');
    // The block appears once the tab is read; give it the same chance on the real site before saying it is absent.
    await popup.waitForSelector('[data-keyscope-lookalike]', { timeout: 2_000 }).catch(() => undefined);
    return await popup.evaluate(async () => {
      const block = document.querySelector<HTMLElement>('[data-keyscope-lookalike]');
      const api = (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ url?: string }>> } } }
      ).chrome;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return {
        imitates: block?.dataset.imitates ?? null,
        reason: block?.dataset.reason ?? null,
        text: block?.innerText ?? '',
        firstUnderTitle: block ? document.querySelector('main')?.children[1] === block : false,
        tabUrl: tab?.url,
      };
    });
  } finally {
    await closePopup(popup);
  }
}

describe('Chromium: the popup on a look-alike of OKX', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium({ headless: true });
    page = await browser.newPage();
    await serveFixtures(page, ROUTES);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('on www.okx.com.secure-login.io it says first that this is not OKX and names www.okx.com', async () => {
    const shown = await popupOn(browser, page, FAKE);
    expect(shown.tabUrl).toBe(FAKE);
    expect(shown).toMatchObject({ imitates: 'okx', reason: 'brand-in-domain', firstUnderTitle: true });
    expect(shown.text).toContain('This is not OKX.');
    expect(shown.text).toContain('The real site is www.okx.com.');
  });

  it('on a Cyrillic look-alike, which the browser gives as punycode, it shows the address as it reads', async () => {
    const shown = await popupOn(browser, page, CYRILLIC);
    expect(shown.tabUrl).toContain('xn--kx-emc.com');
    expect(shown).toMatchObject({ imitates: 'okx', reason: 'punycode' });
    expect(shown.text).toContain('looks like “www.оkx.com” but spells OKX');
  });

  it('on www.okx.com itself it shows nothing of the kind, though it read the address', async () => {
    const shown = await popupOn(browser, page, REAL);
    expect(shown.tabUrl).toBe(REAL);
    expect(shown).toMatchObject({ imitates: null, text: '' });
  });
});
