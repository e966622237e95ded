// The key inventory as a user meets it on OKX's API page, in both real browsers (inventory-chromium.test.ts,
// inventory-firefox.test.ts): a key created through the guarded modal form gets a pending reminder, which OKX's
// "API key created" view confirms; the list of existing keys gets KeyScope's inline risk flags and "Track this key".
// What only Chromium lets a test see (the popup, storage, the badge, the service worker) is in the Chromium file.
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { fixture, serveFixtures } from '../../scripts/browsers.mjs';
import {
  browserDatePlus,
  clickPanel,
  clickText,
  fixtureHtml,
  panelText,
  waitForNoOverlay,
  waitForOverlay,
  waitForPanelText,
} from './harness';

/** Every key value, secret and passphrase the replica pages show starts with this (test/fixtures/okx/README.md). */
export const CANARY = 'CANARY';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One entry of expected.json `keys`: what the key list shows of a key. */
export interface ListedKey {
  name: string;
  permissions: string[];
  ipBound: boolean;
  created?: string;
}

interface KeyListPage {
  url: string;
  open: string;
  submit: string;
  dismiss: string;
  keys: ListedKey[];
}

/** key-list.html / zh-key-list.html as expected.json describes them. */
export function keyListFixture(file: KeyListFile): KeyListPage {
  const all = JSON.parse(fixtureHtml('expected', 'json')) as Record<string, KeyListPage>;
  const page = all[file];
  if (!page?.keys?.length || !page.submit || !page.dismiss)
    throw new Error(`expected.json has no key list, submit or dismiss for ${file}`);
  return page;
}

// The key-list pages answer OKX's "create" round trip 200 ms after the submit; the tests hold that answer until they
// release it, so that they can look at the pending reminder first (as a slow network would make the user wait).
// The page's own code is otherwise served unchanged.
const ROUND_TRIP =
  /setTimeout\(function \(\) \{(\s*var view = document\.getElementById\('created-view'\)[\s\S]*?)\}, 200\);/;

function withHeldAnswer(html: string): string {
  if (!ROUND_TRIP.test(html) || !html.includes('<body>'))
    throw new Error('A key-list page no longer answers its submit with setTimeout(…, 200): update withHeldAnswer()');
  const gate =
    '<script>window.__okxAnswered = new Promise(function (resolve) { window.__okxAnswer = resolve; });</script>';
  return html
    .replace('<body>', `<body>\n${gate}`)
    .replace(
      ROUND_TRIP,
      (_all, body: string) => `window.__okxAnswered.then(function () { setTimeout(function () {${body}}, 200); });`,
    );
}

export type KeyListFile = 'key-list.html' | 'zh-key-list.html';

/** Where each key-list page's modal form has its fields. */
const FORMS: Record<KeyListFile, { name: string; ip: string; trade: string }> = {
  'key-list.html': { name: '#ck-name', ip: '#ck-ip', trade: 'Trade' },
  'zh-key-list.html': { name: '#zk-name', ip: '#zk-ip', trade: '交易' },
};

/** A new tab at the page's OKX URL, with OKX's answer to the form's submit held until {@link answerCreate}. */
export async function openKeyList(browser: Browser, file: KeyListFile = 'key-list.html'): Promise<Page> {
  const { url } = keyListFixture(file);
  const page = await browser.newPage();
  await serveFixtures(page, { [url]: { body: withHeldAnswer(fixtureHtml(file.replace(/\.html$/, ''))) } });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** A new tab at `url` showing a fixture page as it is. */
export async function openFixture(browser: Browser, url: string, file: string): Promise<Page> {
  const page = await browser.newPage();
  await serveFixtures(page, { [url]: fixture(`okx/${file}`) });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** OKX's server answers the create request: the success view replaces the form 200 ms later. */
export async function answerCreate(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __okxAnswer(): void }).__okxAnswer());
}

export interface NewKey {
  /** The page it is created on; key-list.html when not given. */
  file?: KeyListFile;
  name: string;
  trade: boolean;
  /** Typed into OKX's IP allowlist; none: the key is not bound. */
  ip?: string;
  /** The interval button pressed in the panel: "60 days", "90 days". */
  days: number;
  /** The days from today the reminder must fall due (the interval, or OKX's 14-day deadline when shorter). */
  dueInDays: number;
  /** Typed into the form's passphrase field (replacing the replica's own canary), as a user types theirs. */
  passphrase?: string;
}

/**
 * On a key-list page: opens OKX's "Create API key" modal, fills it and KeyScope's panel as a user does (name,
 * Trade, IP, purpose "Trading bot", interval) and presses OKX's submit. Returns the due date (the browser's local
 * calendar) once the panel says the reminder is saved, before OKX has answered.
 */
export async function submitNewKey(page: Page, key: NewKey): Promise<string> {
  const file = key.file ?? 'key-list.html';
  const list = keyListFixture(file);
  const form = FORMS[file];
  await clickText(page, 'body', list.open);
  // (The purpose may already be chosen: KeyScope remembers the last one per exchange.)
  await waitForOverlay(page, { exchange: 'okx', permissions: 'read', has: ['ip.missing', 'rotation.none'] });

  await page.type(form.name, key.name);
  if (key.passphrase) {
    await page.$eval('[role="dialog"] input[type="password"]', (input) => (input.value = ''));
    await page.type('[role="dialog"] input[type="password"]', key.passphrase);
  }
  if (key.trade) {
    await clickText(page, '[role="dialog"]', form.trade);
    await waitForOverlay(page, { permissions: 'read trade' });
  }
  if (key.ip) {
    await page.type(form.ip, key.ip);
    // A public address: bound, and nothing to say about it (203.0.113.x would be flagged ip.private).
    await waitForOverlay(page, {
      ips: key.ip,
      lacks: ['ip.missing', 'ip.private', 'ip.invalid', 'exchange.unbound-expiry'],
    });
  } else if (key.trade) {
    await waitForOverlay(page, { has: ['ip.missing', 'exchange.unbound-expiry'] });
    expect(await panelText(page)).toContain('OKX removes it after 14 days unbound');
  }
  await clickPanel(page, 'Trading bot', 'label');
  await waitForOverlay(page, { lacks: ['purpose.unset'] });
  await clickPanel(page, `${key.days} days`);
  await waitForOverlay(page, { lacks: ['rotation.none'] });
  await waitForPanelText(page, `Reminder set: ${key.days} days after creation.`);

  const due = await browserDatePlus(page, key.dueInDays);
  await clickText(page, '[role="dialog"]', list.submit);
  await waitForPanelText(page, `Reminder saved: rotate "${key.name}" by ${due}.`);
  return due;
}

/**
 * After {@link submitNewKey}: OKX answers and shows the new key and secret in place of the form ("API key created";
 * the Chinese page has no heading KeyScope knows, only its "API Key" and "密钥" labels), and the panel confirms.
 */
export async function seeKeyCreated(page: Page, key: NewKey, due: string): Promise<void> {
  await answerCreate(page);
  await page.waitForFunction(
    () => document.querySelector('.okui-result')?.textContent?.includes('CANARY-SECRET-') ?? false,
    { timeout: 10_000 },
  );
  await waitForPanelText(page, `"${key.name}" created. Reminder confirmed: rotate by ${due}.`);
  const text = await panelText(page);
  expect(text).toContain('KeyScope never reads the key, secret or passphrase the exchange shows now.');
  expect(text).not.toMatch(/Stop: \d+ things? to fix|Ready to create/); // the form is gone: no verdict on it
  await expectNoCanaryInKeyScope(page);
}

/** The user closes OKX's success view ("I've saved it"): the panel goes, and the new key is listed as tracked. */
export async function dismissKeyCreated(page: Page, key: NewKey): Promise<void> {
  await clickText(page, '.okui-result', keyListFixture(key.file ?? 'key-list.html').dismiss);
  await waitForNoOverlay(page);
  await waitForFlag(page, key.name, { tracked: true });
}

/** One inline flag host on the key list, as its contract attributes and shadow text say. */
export interface FlagHost {
  name: string | null;
  flags: string[];
  tracked: string | null;
  text: string;
}

export async function flagHosts(page: Page): Promise<FlagHost[]> {
  return page.$$eval('[data-keyscope-key-flag]', (hosts) =>
    hosts.map((host) => ({
      name: host.getAttribute('data-key-name'),
      flags: (host.getAttribute('data-flags') ?? '').split(' ').filter(Boolean),
      tracked: host.getAttribute('data-tracked'),
      text: Array.from(host.shadowRoot?.children ?? [])
        .filter((el) => el.tagName !== 'STYLE')
        .map((el) => el.textContent ?? '')
        .join('\n'),
    })),
  );
}

/** Waits until the flag of the key named `name` exists (and says Tracked, or not, when asked). */
export async function waitForFlag(
  page: Page,
  name: string,
  want: { tracked?: boolean } = {},
  timeout = 10_000,
): Promise<FlagHost> {
  try {
    await page.waitForFunction(
      (wanted, tracked) =>
        Array.from(document.querySelectorAll('[data-keyscope-key-flag]')).some(
          (host) =>
            host.getAttribute('data-key-name') === wanted &&
            (tracked === null ||
              (host.getAttribute('data-tracked') === String(tracked) &&
                (host.shadowRoot?.textContent?.includes('Tracked') ?? false) === tracked)),
        ),
      { timeout, polling: 50 },
      name,
      want.tracked ?? null,
    );
  } catch (error) {
    throw new Error(
      `No key flag for "${name}" ${JSON.stringify(want)}; the flags are ${JSON.stringify(await flagHosts(page))} (${String(error)})`,
    );
  }
  return (await flagHosts(page)).find((host) => host.name === name)!;
}

/** Waits until every listed key has its flag (one host per key, none extra). */
export async function waitForFlags(page: Page, keys: readonly ListedKey[], timeout = 10_000): Promise<FlagHost[]> {
  const names = keys.map((k) => k.name).sort();
  try {
    await page.waitForFunction(
      (wanted) => {
        const shown = Array.from(
          document.querySelectorAll('[data-keyscope-key-flag]'),
          (h) => h.getAttribute('data-key-name') ?? '',
        ).sort();
        return JSON.stringify(shown) === JSON.stringify(wanted);
      },
      { timeout, polling: 50 },
      names,
    );
  } catch (error) {
    throw new Error(
      `Expected flags for ${JSON.stringify(names)}; the page has ${JSON.stringify(await flagHosts(page))} (${String(error)})`,
    );
  }
  return flagHosts(page);
}

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The flags a listed key must carry (test/fixtures/okx/README.md, src/core/key-list-flags.ts), worked out here from
 * the fixture's facts: withdraw; Trade without an IP; OKX's 14-idle-day rule for an unbound Trade or Withdraw key;
 * older than the 90-day interval on `today` (a key with no shown date is never "old").
 */
export function expectedFlags(key: ListedKey, today: string): string[] {
  const flags: string[] = [];
  if (key.created && (utc(today) - utc(key.created)) / DAY_MS > 90) flags.push('old');
  if (key.permissions.includes('trade') && !key.ipBound) flags.push('trade-unbound');
  if (!key.ipBound && (key.permissions.includes('trade') || key.permissions.includes('withdraw')))
    flags.push('unbound-deadline');
  if (key.permissions.includes('withdraw')) flags.push('withdraw');
  return flags;
}

/** What each flag says beside the key, in words a user reads (the start of each badge's text). */
const FLAG_WORDS: Record<string, string> = {
  old: 'Older than 90 days: rotate it',
  'trade-unbound': 'Trade without IP binding',
  'unbound-deadline': 'OKX: deleted after 14 idle days without an IP',
  withdraw: 'Withdraw enabled',
};

/** The "Track this key" button inside the flag of the key named `name` (in its shadow root). */
export async function trackButton(page: Page, name: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((wanted) => {
    const host = Array.from(document.querySelectorAll('[data-keyscope-key-flag]')).find(
      (h) => h.getAttribute('data-key-name') === wanted,
    );
    return (
      Array.from(host?.shadowRoot?.querySelectorAll('button') ?? []).find(
        (b) => b.textContent?.trim() === 'Track this key',
      ) ?? null
    );
  }, name);
  const button = handle.asElement() as ElementHandle<Element> | null;
  if (!button) throw new Error(`No "Track this key" button beside "${name}"`);
  return button;
}

/** A real click on "Track this key" beside `name`; resolves when the flag says Tracked. */
export async function trackKey(page: Page, name: string): Promise<void> {
  const button = await trackButton(page, name);
  await button.click();
  await button.dispose();
  await waitForFlag(page, name, { tracked: true });
}

/** Nothing KeyScope put in the page (panel, flags, their attributes) holds a key, secret or passphrase. */
export async function expectNoCanaryInKeyScope(page: Page): Promise<void> {
  const carried = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-keyscope-overlay], [data-keyscope-key-flag]'))
      .map((host) =>
        [...host.getAttributeNames().map((n) => host.getAttribute(n) ?? ''), host.shadowRoot?.textContent ?? ''].join(
          '\n',
        ),
      )
      .join('\n'),
  );
  expect(carried).not.toContain(CANARY);
}

/**
 * A key-list page of expected.json as a user first sees it: one flag beside each listed key, with the flags its
 * facts call for, in words, none tracked yet, and no key material. Returns the page, left open.
 */
export async function checkListFlags(browser: Browser, file: KeyListFile): Promise<Page> {
  const list = keyListFixture(file);
  const page = await openKeyList(browser, file);
  const today = await browserDatePlus(page, 0);
  const hosts = await waitForFlags(page, list.keys);
  for (const key of list.keys) {
    const host = hosts.find((h) => h.name === key.name)!;
    const where = `${file}: ${key.name}`;
    expect(host.flags, where).toEqual(expectedFlags(key, today));
    expect(host.tracked, where).toBe('false');
    expect(host.text, where).toContain('Track this key');
    expect(host.text.includes('No risk flags'), where).toBe(host.flags.length === 0);
    for (const [flag, words] of Object.entries(FLAG_WORDS)) {
      expect(host.text.includes(words), `${where} says "${words}"`).toBe(host.flags.includes(flag));
    }
  }
  await expectNoCanaryInKeyScope(page);
  return page;
}
