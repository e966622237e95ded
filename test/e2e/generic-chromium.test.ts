// "Any other site" in Chromium with the built dist/chrome extension: a made-up exchange KeyScope has never seen, served
// at https://zenith-exchange.example, guarded from the popup's "Guard this page", then removed in the options page.
//
// The permission prompt. "Guard this page" calls permissions.request() from the click; for a site not yet allowed,
// Chromium 156 shows its own "has requested additional permissions" dialog, which no test API answers: CDP's
// Browser.setPermission covers web permissions only, the Extensions domain has no permission command, and the old
// --apps-gallery-install-auto-confirm-for-tests switch is gone from the binary. Opening that dialog also closes the
// popup at once (headless, and headed under Xvfb alike): the first test below shows it, unanswered. So the site is
// allowed beforehand the way a user can in the browser's own extension settings (chrome://extensions, the page's
// developerPrivate.addHostPermission, as its "Site access" list does); Chromium then answers the popup's real
// request with `true` without a dialog, and everything after it runs as for a user who clicked Allow.
//
// Firefox is not run here: its test pref extensions.webextOptionalPermissionPrompts=false would answer the request,
// but Firefox refuses to let a test open moz-extension:// pages or the action popup (docs/design.md), and the
// request needs a click inside one of them.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePopup,
  extensionId,
  fixture,
  launchChromium,
  openPopup,
  serveFixtures,
  serviceWorker,
  type Route,
} from '../../scripts/browsers.mjs';
import { overlayAfter, waitForOverlay } from './harness';
import { QUIET_MS } from './okx-scenarios';

const ZENITH = 'https://zenith-exchange.example';
const ZENITH_KEY_PAGE = `${ZENITH}/account/api`;
const ZENITH_LOGIN = `${ZENITH}/login`;
const LUMEN = 'https://lumen-exchange.example';
const LUMEN_KEY_PAGE = `${LUMEN}/zh/user/api`;
const CANARY = 'CANARY-PASSPHRASE';

const ROUTES: Record<string, Route> = {
  [ZENITH_KEY_PAGE]: fixture('generic/zenith-en.html'),
  [ZENITH_LOGIN]: fixture('generic/login.html'),
  [LUMEN_KEY_PAGE]: fixture('generic/lumen-zh.html'),
};

/** The few `chrome.*` calls the test makes in the service worker. */
interface ChromeApi {
  permissions: { contains(query: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> };
}

/** What the extension itself holds for a site: the permission, the stored list, the registered content script. */
async function extensionState(browser: Browser, origin: string) {
  const worker = await serviceWorker(browser);
  return worker.evaluate(async (site) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return {
      permission: await api.permissions.contains({ origins: [`${site}/*`] }),
      listed: (((await api.storage.local.get('guardedSites')).guardedSites ?? []) as string[]).includes(site),
      registered: (await api.scripting.getRegisteredContentScripts()).some((script) =>
        script.matches?.includes(`${site}/*`),
      ),
    };
  }, origin);
}

/**
 * Allows KeyScope on a site in the browser's own extension settings, as a user can there: chrome://extensions'
 * developerPrivate.addHostPermission. It grants nothing by itself (permissions.contains stays false); the extension's
 * own request for that site is then answered without a dialog.
 */
async function allowInBrowserSettings(browser: Browser, origin: string): Promise<void> {
  const id = await extensionId(browser);
  const settings = await browser.newPage();
  try {
    await settings.goto('chrome://extensions/', { waitUntil: 'load' });
    await settings.evaluate(
      (extension, pattern) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
          }
        ).chrome.developerPrivate.addHostPermission(extension, pattern),
      id,
      `${origin}/*`,
    );
  } finally {
    await settings.close();
  }
}

const GUARD_BUTTON = 'button::-p-text(Guard this page)';

describe('Chromium: "Guard this page" on a site KeyScope does not know', () => {
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

  it('before the user asks, KeyScope does nothing there and holds no permission for it', async () => {
    await page.goto(ZENITH_KEY_PAGE, { waitUntil: 'load' });
    expect(await overlayAfter(page, QUIET_MS)).toBe(false);
    expect(await extensionState(browser, ZENITH)).toEqual({ permission: false, listed: false, registered: false });
  });

  it('the click asks the browser at once: its dialog opens and closes the popup; unanswered, nothing is granted or added', async () => {
    const lumen = await browser.newPage();
    try {
      await serveFixtures(lumen, ROUTES);
      await lumen.goto(LUMEN_KEY_PAGE, { waitUntil: 'load' });
      const popup = await openPopup(browser, lumen);
      const button = await popup.waitForSelector(GUARD_BUTTON);
      // The popup goes while the click is still being dispatched to it.
      await button!.click().catch((error: unknown) => {
        if (!popup.isClosed()) throw error;
      });
      // A request without the click's user activation is refused instead ("must be called during a user gesture"),
      // and the popup stays open to say so.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(popup.isClosed()).toBe(true);
      expect(await extensionState(browser, LUMEN)).toEqual({ permission: false, listed: false, registered: false });
      expect(await overlayAfter(lumen, QUIET_MS)).toBe(false);
    } finally {
      await lumen.close();
    }
  });

  it('allowed, "Guard this page" guards the site: the panel appears with data-exchange="generic"', async () => {
    await allowInBrowserSettings(browser, ZENITH);
    expect((await extensionState(browser, ZENITH)).permission).toBe(false);

    const popup = await openPopup(browser, page);
    try {
      const offer = await popup.waitForSelector('section[aria-label="Guard this page"]');
      expect(await offer!.evaluate((el) => el.textContent)).toContain(`KeyScope does not know ${ZENITH}.`);
      await popup.locator(GUARD_BUTTON).click();
      // Any of the popup's status regions: the verdict's live region (above the offer) may already speak for the tab.
      await popup.waitForFunction(
        (text) =>
          Array.from(document.querySelectorAll('[role="status"]')).some((element) => element.textContent === text),
        { timeout: 20_000 },
        `KeyScope now guards ${ZENITH}`,
      );
    } finally {
      await closePopup(popup);
    }
    expect(await extensionState(browser, ZENITH)).toEqual({ permission: true, listed: true, registered: true });

    // No reload: the background injects the bootstrap into the tab, which has the guard injected.
    const state = await waitForOverlay(page, { exchange: 'generic', permissions: 'read trade', ips: '203.0.113.10' });
    expect(state.findings).toEqual(expect.arrayContaining(['purpose.unset', 'rotation.none']));
    expect(state.findings).not.toContain('exchange.unbound-expiry');
    const carried = await page.$eval('[data-keyscope-overlay]', (host) =>
      [...host.getAttributeNames().map((n) => host.getAttribute(n) ?? ''), host.shadowRoot?.textContent ?? ''].join(
        '\n',
      ),
    );
    expect(carried).not.toContain(CANARY);
    expect(carried).toContain('Other site');

    // The user ticks Withdrawals on the made-up form: the panel follows, as on a supported exchange.
    await page.click('label.zx-perm:nth-of-type(3)');
    await waitForOverlay(page, { permissions: 'read trade withdraw', has: ['scope.withdraw'], risk: 'critical' });
  });

  it("a full load of the site's login page runs the guard (registered script) and gets no panel; a key form added later does", async () => {
    await page.goto(ZENITH_LOGIN, { waitUntil: 'load' });
    expect(await overlayAfter(page, QUIET_MS)).toBe(false);
    // The guard is there and watching: the same page, once it shows a key form, gets the panel.
    await page.evaluate(() => {
      const section = document.createElement('section');
      const heading = document.createElement('h2');
      heading.textContent = 'Create API key';
      const form = document.createElement('form');
      for (const [label, checked] of [
        ['Read-only', true],
        ['Trade', false],
      ] as const) {
        const wrapper = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = checked;
        wrapper.append(box, ` ${label}`);
        form.append(wrapper);
      }
      const ipLabel = document.createElement('label');
      ipLabel.append('IP whitelist', document.createElement('textarea'));
      form.append(ipLabel);
      section.append(heading, form);
      document.querySelector('main')!.append(section);
    });
    await waitForOverlay(page, { exchange: 'generic', permissions: 'read' });
  });

  it('removing the site in the options page unregisters it and gives the permission back', async () => {
    await page.goto(ZENITH_KEY_PAGE, { waitUntil: 'load' });
    await waitForOverlay(page, { exchange: 'generic' });

    const options = await browser.newPage();
    try {
      await options.goto(`chrome-extension://${await extensionId(browser)}/src/options/index.html`, {
        waitUntil: 'load',
      });
      await options.locator(`button[aria-label="Remove ${ZENITH}"]`).click();
      await options.waitForFunction(
        () =>
          document
            .querySelector('[aria-labelledby="ks-sites"] [role="status"]')
            ?.textContent?.startsWith('KeyScope no longer guards'),
        { timeout: 10_000 },
      );
      expect(await options.$eval('[aria-labelledby="ks-sites"]', (el) => el.textContent)).toContain('None.');
    } finally {
      await options.close();
    }
    expect(await extensionState(browser, ZENITH)).toEqual({ permission: false, listed: false, registered: false });

    // The next load of the site gets nothing from KeyScope.
    await page.goto(ZENITH_KEY_PAGE, { waitUntil: 'load' });
    expect(await overlayAfter(page, QUIET_MS)).toBe(false);
  });
});
