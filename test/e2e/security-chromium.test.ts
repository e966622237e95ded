// Security properties of the built extension in real Chromium, over a whole session as a user has it: create a key
// on OKX's guarded form (typing a passphrase), see the new key and secret, open the popup, the settings page and the
// key list. Every request of every target (the exchange tab, the service worker, the popup, the settings page) is
// recorded through the DevTools protocol; every message the background receives is recorded in the worker.
//   - zero network: the extension's own contexts request nothing but their own files; the exchange tab requests only
//     the pages the test navigates to (a content-script fetch would show there, with the page's origin);
//   - no key material: canaries typed into the passphrase, and shown as key and secret by the success view, appear in
//     no stored data (local, session, sync), no message, and nothing KeyScope renders;
//   - hostile pages: a page that removes KeyScope's panel and fakes an "all clear" one cannot change what the popup
//     says, and markup in a key name is shown as text.
import type { Browser, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePopup, extensionId, launchChromium, openPopup } from '../../scripts/browsers.mjs';
import { readyWorker } from './extension-worker';
import { clickPanel, clickText, HOST, OKX, waitForOverlay } from './harness';
import {
  CANARY,
  dismissKeyCreated,
  keyListFixture,
  openFixture,
  openKeyList,
  seeKeyCreated,
  sleep,
  submitNewKey,
  type NewKey,
} from './inventory-scenarios';

interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
}
interface Port {
  onMessage: { addListener(listener: (message: unknown) => void): void };
}
declare const chrome: {
  storage: { local: StorageArea; session: StorageArea; sync: StorageArea };
  runtime: {
    onMessage: { addListener(listener: (message: unknown) => void): void };
    onConnect: { addListener(listener: (port: Port) => void): void };
  };
};

interface Request {
  /** The target that made it: its type and URL when the request was seen. */
  by: string;
  type: string;
  url: string;
}

/** Records every request of every target, present and future, through a DevTools session of its own. */
async function recordRequests(browser: Browser): Promise<Request[]> {
  const requests: Request[] = [];
  const attached = new WeakSet<Target>();
  const attach = async (target: Target) => {
    if (attached.has(target) || !['page', 'service_worker', 'other', 'background_page'].includes(target.type())) return;
    attached.add(target);
    try {
      const session = await target.createCDPSession();
      session.on('Network.requestWillBeSent', (event) =>
        requests.push({ by: `${target.type()} ${target.url()}`, type: event.type ?? '?', url: event.request.url }),
      );
      session.on('Network.webSocketCreated', (event) =>
        requests.push({ by: `${target.type()} ${target.url()}`, type: 'WebSocket', url: event.url }),
      );
      await session.send('Network.enable');
    } catch {
      // A target that closed before it could be attached made no request after that.
    }
  };
  browser.on('targetcreated', (target) => void attach(target));
  await Promise.all(browser.targets().map(attach));
  return requests;
}

/** Starts recording, in the service worker, every message and port message the background receives. */
async function recordMessages(browser: Browser): Promise<void> {
  const worker = await readyWorker(browser);
  await worker.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { keyscopeTestSeen: string[] }).keyscopeTestSeen = seen;
    chrome.runtime.onMessage.addListener((message) => {
      seen.push(JSON.stringify(message));
    });
    chrome.runtime.onConnect.addListener((port) =>
      port.onMessage.addListener((message) => seen.push(JSON.stringify(message))),
    );
  });
}

async function recordedMessages(browser: Browser): Promise<string[]> {
  const worker = await readyWorker(browser);
  const seen = await worker.evaluate(() => (globalThis as unknown as { keyscopeTestSeen?: string[] }).keyscopeTestSeen);
  if (!seen) throw new Error('The service worker was restarted during the session: its message record is gone');
  return seen;
}

async function storedText(browser: Browser): Promise<string> {
  const worker = await readyWorker(browser);
  return worker.evaluate(async () =>
    JSON.stringify([
      await chrome.storage.local.get(null),
      await chrome.storage.session.get(null),
      await chrome.storage.sync.get(null),
    ]),
  );
}

/** Everything KeyScope renders in a page: its hosts' attributes and their shadow roots' markup. */
async function renderedByKeyScope(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('*'))
      .filter((el) => el.getAttributeNames().some((name) => name.startsWith('data-keyscope')))
      .map((el) => `${el.outerHTML}\n${el.shadowRoot?.innerHTML ?? ''}`)
      .join('\n'),
  );
}

const PASSPHRASE = `${CANARY}-TYPED-passphrase-7f3a`;
const KEY: NewKey = {
  name: 'session bot',
  trade: true,
  ip: '8.8.8.8',
  days: 60,
  dueInDays: 60,
  passphrase: PASSPHRASE,
};

describe('Chromium: one whole session, every request and message recorded', () => {
  let browser: Browser;
  let id: string;
  let requests: Request[];
  const pages: Page[] = [];
  const navigated = new Set<string>();
  /** What KeyScope rendered in the tab while the success view showed the new key and secret. */
  let renderedBesideSecrets = '';

  beforeAll(async () => {
    browser = await launchChromium({ headless: true });
    id = await extensionId(browser);
    requests = await recordRequests(browser);
    await recordMessages(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the recorder sees a request that a page makes (so that "none" below means none)', async () => {
    const page = await openKeyList(browser);
    pages.push(page);
    navigated.add(keyListFixture('key-list.html').url);
    const probe = 'https://probe.keyscope.invalid/recorder-check';
    await page.evaluate((url) => fetch(url).catch(() => undefined), probe);
    await sleep(200);
    expect(requests.map((r) => r.url)).toContain(probe);
    requests.splice(0, requests.length);
  });

  it('the session: a key created with a passphrase typed, the new key and secret shown, popup, settings, key list', async () => {
    const [page] = pages as [Page];
    const due = await submitNewKey(page, KEY);
    expect(await page.$eval('[role="dialog"] input[type="password"]', (input) => input.value)).toBe(PASSPHRASE);
    await seeKeyCreated(page, KEY, due);
    expect(await page.evaluate(() => document.body.innerText)).toContain(`${CANARY}-SECRET-`);
    renderedBesideSecrets = await renderedByKeyScope(page);
    const popup = await openPopup(browser, page);
    await popup.waitForFunction((name) => document.body.innerText.includes(name), { timeout: 10_000 }, KEY.name);
    expect(await popup.evaluate(() => document.documentElement.outerHTML)).not.toContain(CANARY);
    await closePopup(popup);
    await dismissKeyCreated(page, KEY);

    // A page of the exchange that is not a key page, and a second visit to the key list.
    const bills = await openFixture(browser, OKX.bills, 'not-api.html');
    navigated.add(OKX.bills);
    pages.push(bills);
    await page.reload({ waitUntil: 'load' });

    const settings = await browser.newPage();
    pages.push(settings);
    await settings.goto(`chrome-extension://${id}/src/options/index.html`, { waitUntil: 'load' });
    await settings.waitForFunction(
      () => document.readyState === 'complete' && (document.querySelector('#app')?.childElementCount ?? 0) > 0,
      { timeout: 10_000 },
    );
    expect(await settings.evaluate(() => document.documentElement.outerHTML)).not.toContain(CANARY);
  });

  it('zero network: the extension requested nothing but its own files; the exchange tab only the pages visited', async () => {
    const own = `chrome-extension://${id}/`;
    const summary = requests.map((r) => `${r.type} ${r.url}  (by ${r.by})`).join('\n');
    // Loading its own files is no network; a popup's first request is made before its target has a URL.
    expect(
      requests.filter((r) => r.url.startsWith(own)).length,
      'the extension pages were recorded loading their own files',
    ).toBeGreaterThan(0);
    expect(
      requests.filter((r) => r.by.includes(own) && !r.url.startsWith(own)),
      summary,
    ).toEqual([]);
    // The browser's own UI (chrome:// pages such as the omnibox popup) loads its resources too: not ours, not a tab.
    const fromTabs = requests.filter(
      (r) => !r.url.startsWith(own) && !r.by.includes(own) && !/^\w+ chrome:\/\//.test(r.by),
    );
    expect(fromTabs.length, 'the tabs were recorded loading their pages').toBeGreaterThan(0);
    for (const request of fromTabs) {
      const page = new URL(request.url);
      expect(
        request.type === 'Document' && navigated.has(`${page.origin}${page.pathname}`),
        `${request.type} ${request.url} by ${request.by}`,
      ).toBe(true);
    }
  });

  it('no key material: the canaries are in no stored data, no message, and nothing KeyScope rendered', async () => {
    const [page] = pages as [Page];
    const messages = await recordedMessages(browser);
    // The record works: the content script told the background about the new key.
    expect(messages.some((m) => m.includes(KEY.name))).toBe(true);
    expect(messages.join('\n')).not.toContain(CANARY);
    const stored = await storedText(browser);
    expect(stored).toContain(KEY.name);
    expect(stored).not.toContain(CANARY);
    expect(renderedBesideSecrets).toContain('data-keyscope-overlay');
    expect(renderedBesideSecrets).not.toContain(CANARY);
    const onKeyList = await renderedByKeyScope(page);
    // The reloaded list shows its keys (with CANARY key values) and KeyScope's flags beside them.
    expect(await page.evaluate(() => document.body.innerText)).toContain(CANARY);
    expect(onKeyList).toContain('data-keyscope-key-flag');
    expect(onKeyList).not.toContain(CANARY);
  });
});

describe('Chromium: a hostile page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium({ headless: true });
    page = await openKeyList(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('removing the panel and faking an "all clear" one does not change what the popup says', async () => {
    const list = keyListFixture('key-list.html');
    await page.evaluate((text) => {
      const opener = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
      opener?.click();
    }, list.open);
    await page.click('#ck-withdraw');
    await waitForOverlay(page, { risk: 'critical', has: ['scope.withdraw'] });
    await page.evaluate((selector) => {
      for (const host of document.querySelectorAll(selector)) host.remove();
      const fake = document.createElement('div');
      fake.setAttribute('data-keyscope-overlay', '');
      fake.setAttribute('data-exchange', 'okx');
      fake.setAttribute('data-risk', 'none');
      fake.setAttribute('data-findings', '');
      fake.textContent = 'KeyScope: Ready to create';
      document.body.append(fake);
    }, HOST);
    const popup = await openPopup(browser, page);
    const status = await popup.waitForSelector('[data-keyscope-status]', { timeout: 10_000 });
    expect(await status!.evaluate((el) => el.getAttribute('data-risk'))).toBe('critical');
    expect(await status!.evaluate((el) => el.getAttribute('data-findings') ?? '')).toContain('scope.withdraw');
    expect(await popup.evaluate(() => document.body.innerText)).not.toContain('Ready to create');
    await closePopup(popup);
  });

  it('the panel the page removed comes back with the next change; the fake stays the page’s own', async () => {
    await page.click('#ck-trade');
    await page.waitForFunction(
      (selector) => document.querySelectorAll(selector).length === 2,
      { timeout: 10_000 },
      HOST,
    );
    await page.evaluate(() => document.querySelector('[data-keyscope-overlay]:not([style])')?.remove());
    await waitForOverlay(page, { risk: 'critical', permissions: 'read trade withdraw' });
  });

  it('markup typed as a key name is shown as text in the panel and the popup, never run or parsed', async () => {
    const name = '<img src=x onerror="document.title=\'pwned\'">';
    await page.type('#ck-name', name);
    await page.click('#ck-ip');
    await page.type('#ck-ip', '8.8.8.8');
    await clickPanel(page, 'Trading bot', 'label');
    await clickPanel(page, '60 days');
    const list = keyListFixture('key-list.html');
    // A real click: only the user's own clicks record a key (a click made by a page script records nothing).
    await clickText(page, '[role="dialog"]', list.submit);
    await page.waitForFunction(
      (selector, wanted) => document.querySelector(selector)?.shadowRoot?.textContent?.includes(wanted) ?? false,
      { timeout: 10_000 },
      HOST,
      name,
    );
    const popup = await openPopup(browser, page);
    await popup.waitForFunction((wanted) => document.body.innerText.includes(wanted), { timeout: 10_000 }, name);
    for (const target of [page, popup]) {
      expect(await target.title()).not.toBe('pwned');
    }
    expect(await popup.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(await page.$eval(HOST, (host) => host.shadowRoot?.querySelectorAll('img').length ?? -1)).toBe(0);
    await closePopup(popup);
  });
});
