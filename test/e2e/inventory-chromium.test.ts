// The key inventory in Chromium with the built dist/chrome extension: what a user does on OKX's API page (create a
// key, track a listed one) and what they then see in the real action popup, the toolbar badge and the options page;
// the service worker stopped mid-way (MV3); damaged stored data. Each test has its own browser (fresh profile): the
// inventory, the badge and the remembered purpose start empty.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TargetType, type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closePopup, extensionId, launchChromium, openPopup } from '../../scripts/browsers.mjs';
import { CHECK_ALARM, readyWorker, seedReminders, storedReminder } from './extension-worker';
import { browserDatePlus, OKX } from './harness';
import {
  CANARY,
  answerCreate,
  checkListFlags,
  dismissKeyCreated,
  keyListFixture,
  openFixture,
  openKeyList,
  seeKeyCreated,
  sleep,
  submitNewKey,
  trackKey,
  waitForFlag,
  waitForFlags,
  type ListedKey,
  type NewKey,
} from './inventory-scenarios';

// The `chrome.*` calls the tests evaluate in the extension's service worker and pages (no @types/chrome here).
interface StorageArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
declare const chrome: {
  storage: { local: StorageArea; session: StorageArea };
  action: { getBadgeText(details: object): Promise<string> };
  alarms: { get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined> };
};

/** Everything the extension stored, local and session, as one string. */
async function storedText(browser: Browser): Promise<string> {
  const worker = await readyWorker(browser);
  return worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]),
  );
}

async function waitForBadge(browser: Browser, text: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let shown = '';
  while (Date.now() < deadline) {
    const worker = await readyWorker(browser);
    shown = await worker.evaluate(() => chrome.action.getBadgeText({}));
    if (shown === text) return;
    await sleep(100);
  }
  throw new Error(`The badge never said ${JSON.stringify(text)}; it says ${JSON.stringify(shown)}`);
}

/** One popup row (docs/design.md: `data-keyscope-reminder`, `data-status`), as a user reads it. */
interface Row {
  name: string;
  status: string | null;
  state: string | null;
  due: string;
  meta: string;
  expiry: string;
  pending: string;
  inHistory: boolean;
}

async function popupRows(popup: Page): Promise<Row[]> {
  return popup.$$eval('[data-keyscope-reminder]', (rows) =>
    rows.map((row) => ({
      name: row.querySelector('.ks-row-name')?.textContent ?? '',
      status: row.getAttribute('data-status'),
      state: row.getAttribute('data-state'),
      due: row.querySelector('.ks-row-due')?.textContent ?? '',
      meta: row.querySelector('.ks-row-meta')?.textContent ?? '',
      expiry: row.querySelector('.ks-expiry')?.textContent ?? '',
      pending: row.querySelector('.ks-pending')?.textContent ?? '',
      inHistory: row.closest('.ks-history') !== null,
    })),
  );
}

/** Waits until the popup lists a row named `name` that satisfies `accept`; returns it. */
async function waitForRow(
  popup: Page,
  name: string,
  accept: (row: Row) => boolean = () => true,
  timeout = 10_000,
): Promise<Row> {
  const deadline = Date.now() + timeout;
  let rows: Row[] = [];
  while (Date.now() < deadline) {
    rows = await popupRows(popup);
    const row = rows.find((r) => r.name === name && accept(r));
    if (row) return row;
    await sleep(50);
  }
  throw new Error(`The popup never showed the row "${name}" as wanted; it shows ${JSON.stringify(rows)}`);
}

/** A real click on the button reading `label` in the live (not history) row named `name`. */
async function clickInRow(popup: Page, name: string, label: string): Promise<void> {
  const handle = await popup.evaluateHandle(
    (wanted, text) => {
      const row = Array.from(document.querySelectorAll('[data-keyscope-reminder]')).find(
        (r) => r.querySelector('.ks-row-name')?.textContent === wanted && !r.closest('.ks-history'),
      );
      return Array.from(row?.querySelectorAll('button') ?? []).find((b) => b.textContent?.trim() === text) ?? null;
    },
    name,
    label,
  );
  const button = handle.asElement() as ElementHandle<Element> | null;
  if (!button) throw new Error(`No "${label}" in the row "${name}"`);
  await button.click();
  await button.dispose();
}

async function expectNoCanaryInPopup(popup: Page): Promise<void> {
  expect(await popup.evaluate(() => document.documentElement.outerHTML)).not.toContain(CANARY);
}

/** The popup for `page`'s tab, by a toolbar click; the extension id is given so that a stopped worker is not awaited. */
async function openPopupStopped(browser: Browser, page: Page, id: string): Promise<Page> {
  const isPopup = (t: { url(): string }) => t.url().startsWith(`chrome-extension://${id}/src/popup/index.html`);
  await page.bringToFront();
  const waiting = browser.waitForTarget(isPopup, { timeout: 10_000 });
  const extension = (await browser.extensions()).get(id);
  if (!extension) throw new Error(`extension ${id} not listed`);
  await page.triggerExtensionAction(extension);
  const popup = await (await waiting).asPage();
  await popup.waitForFunction(
    () => document.readyState === 'complete' && (document.querySelector('#app')?.childElementCount ?? 0) > 0,
  );
  return popup;
}

/**
 * Stops the extension's service worker as Chromium does when it is idle (MV3): `Target.closeTarget` on the
 * worker's target and detach (puppeteer's `WebWorker.close()` for service workers), then waits until no worker
 * target is left. Checked on Chromium 156 + puppeteer-core 24.43: the worker's globals are gone when it is
 * woken again. `ServiceWorker.stopAllWorkers` (after `ServiceWorker.enable`, from an extension page's session)
 * answers but leaves the worker target attached, and the next extension page then hung: not used.
 */
async function stopServiceWorker(browser: Browser): Promise<void> {
  const worker = await readyWorker(browser);
  await worker.evaluate(() => {
    (globalThis as unknown as { __keyscopeTestWorker: string }).__keyscopeTestWorker = 'before the stop';
  });
  await worker.close();
  const deadline = Date.now() + 10_000;
  while (
    browser.targets().some((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith('chrome-extension://'))
  ) {
    if (Date.now() > deadline) throw new Error('The service worker did not stop');
    await sleep(50);
  }
}

/** True when the running worker is a new one, started after {@link stopServiceWorker}. */
async function workerRestarted(browser: Browser): Promise<boolean> {
  const worker = await readyWorker(browser);
  return worker.evaluate(
    () => (globalThis as unknown as { __keyscopeTestWorker?: string }).__keyscopeTestWorker === undefined,
  );
}

const WITH_IP: NewKey = { name: 'e2e bound bot', trade: true, ip: '8.8.8.8', days: 60, dueInDays: 60 };
const UNBOUND: NewKey = { name: 'e2e unbound bot', trade: true, days: 90, dueInDays: 14 };

describe('Key inventory in Chromium: OKX page → popup, badge, options (built extension)', () => {
  let browser: Browser;
  const popups: Page[] = [];
  const popup = async (page: Page) => {
    const opened = await openPopup(browser, page);
    popups.push(opened);
    return opened;
  };
  const closePopups = async () => {
    for (const p of popups.splice(0)) await closePopup(p);
  };

  beforeEach(async () => {
    browser = await launchChromium({ headless: true });
    await readyWorker(browser, { installed: true });
  });
  afterEach(async () => {
    await closePopups();
    await browser?.close();
  });

  it('capture: modal form → pending row in the popup → OKX shows the key → confirmed, due today + 60, no key material stored', async () => {
    const page = await openKeyList(browser);
    await waitForFlags(page, keyListFixture('key-list.html').keys);
    const due = await submitNewKey(page, WITH_IP);

    // OKX has not answered yet: the popup lists the key as pending, with Confirm/Discard offered.
    const pending = await popup(page);
    const before = await waitForRow(pending, WITH_IP.name);
    expect(before.state).toBe('pending');
    expect(before.pending).toContain('Pending');
    expect(before.status).toBe('ok');
    expect(before.due).toBe(`Due in 60 days (${due})`);
    await closePopups();

    await seeKeyCreated(page, WITH_IP, due);
    const confirmed = await popup(page);
    const row = await waitForRow(confirmed, WITH_IP.name, (r) => r.state === 'active');
    expect(row.pending).toBe('');
    expect(await confirmed.evaluate(() => document.body.innerText)).not.toContain('Pending');
    expect(row.status).toBe('ok');
    expect(row.due).toBe(`Due in 60 days (${due})`);
    expect(row.meta).toBe('OKX · Read, Trade · IP-bound');
    expect(row.expiry).toBe(''); // bound to an IP: OKX's 14-day rule does not apply
    expect(await popupRows(confirmed)).toHaveLength(1);
    // The success view shows the new key and secret (CANARY-APIKEY-…, CANARY-SECRET-…); the form had a passphrase.
    expect(await page.evaluate(() => document.body.innerText)).toContain('CANARY-SECRET-');
    await expectNoCanaryInPopup(confirmed);
    const stored = await storedText(browser);
    expect(stored).toContain(WITH_IP.name);
    expect(stored).not.toContain(CANARY);
    await closePopups();

    await dismissKeyCreated(page, WITH_IP);
  });

  it('capture of an unbound Trade key: 90 days chosen, due today + 14, the row says OKX deletes it after 14 idle days', async () => {
    const page = await openKeyList(browser);
    const due = await submitNewKey(page, UNBOUND);
    expect(due).toBe(await browserDatePlus(page, 14));
    await seeKeyCreated(page, UNBOUND, due);

    const shown = await popup(page);
    const row = await waitForRow(shown, UNBOUND.name, (r) => r.state === 'active');
    expect(row.status).toBe('ok');
    expect(row.due).toBe(`Due in 14 days (${due})`);
    expect(row.meta).toBe('OKX · Read, Trade · not IP-bound');
    expect(row.expiry).toBe('OKX deletes this key after 14 days without use (no IP bound)');
    await expectNoCanaryInPopup(shown);
    expect(await storedText(browser)).not.toContain(CANARY);
  });

  it('Chinese key list: 确认 → a success view known only by its "API Key" and "密钥" labels → the reminder is confirmed', async () => {
    const key: NewKey = {
      file: 'zh-key-list.html',
      name: '网格机器人二号',
      trade: true,
      ip: '8.8.8.8',
      days: 30,
      dueInDays: 30,
    };
    const page = await openKeyList(browser, key.file);
    const due = await submitNewKey(page, key);
    await seeKeyCreated(page, key, due);
    const shown = await popup(page);
    const row = await waitForRow(shown, key.name, (r) => r.state === 'active');
    expect(row.due).toBe(`Due in 30 days (${due})`);
    expect(row.meta).toBe('OKX · Read, Trade · IP-bound');
    await expectNoCanaryInPopup(shown);
    expect(await storedText(browser)).not.toContain(CANARY);
    await closePopups();
    await dismissKeyCreated(page, key);
  });

  it('list page: risky keys flagged inline; "Track this key" → Tracked, listed in the popup, still tracked after reload', async () => {
    await (await checkListFlags(browser, 'zh-key-list.html')).close();
    const page = await checkListFlags(browser, 'key-list.html');
    const list = keyListFixture('key-list.html');
    const gridBot = list.keys.find((k) => k.name === 'grid-bot') as ListedKey & { created: string };
    await trackKey(page, gridBot.name);
    // Only that key.
    for (const key of list.keys.filter((k) => k !== gridBot)) await waitForFlag(page, key.name, { tracked: false });

    // grid-bot: Trade, no IP: OKX's 14-day deadline caps the interval, counted from its listed creation date.
    const due = new Date(Date.parse(`${gridBot.created}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const today = await browserDatePlus(page, 0);
    const overdue = due < today;
    const shown = await popup(page);
    const row = await waitForRow(shown, gridBot.name);
    expect(row.state).toBe('active');
    expect(row.due).toContain(`(${due})`);
    expect(row.status).toBe(overdue ? 'overdue' : due <= (await browserDatePlus(page, 7)) ? 'due-soon' : 'ok');
    expect(row.meta).toBe('OKX · Read, Trade · not IP-bound');
    expect(row.expiry).toBe('OKX deletes this key after 14 days without use (no IP bound)');
    expect(await popupRows(shown)).toHaveLength(1);
    await expectNoCanaryInPopup(shown);
    if (overdue) await waitForBadge(browser, '1');
    await closePopups();

    // The inventory, not the page, remembers it: after a reload the same key is Tracked again, and only it.
    await page.reload({ waitUntil: 'load' });
    await waitForFlags(page, list.keys);
    await waitForFlag(page, gridBot.name, { tracked: true });
    await waitForFlag(page, 'withdraw-script', { tracked: false });
    // OKX's "Refresh" re-renders every card with new nodes: the flags follow.
    await page.click('#refresh-keys');
    await waitForFlags(page, list.keys);
    await waitForFlag(page, gridBot.name, { tracked: true });
    expect(await storedText(browser)).not.toContain(CANARY);
  });

  it('badge: an overdue key in storage → badge "1" and an overdue row; "Rotated today" → badge cleared, rotated row in history', async () => {
    const page = await openFixture(browser, OKX.keyPage, 'en-native.html');
    const [longAgo, overdueDue, today, farAhead] = await Promise.all(
      [-400, -310, 0, 365].map((n) => browserDatePlus(page, n)),
    );
    await seedReminders(browser, {
      version: 2,
      reminders: [
        storedReminder('e2e-overdue', 'e2e overdue key', longAgo!, 90, overdueDue!),
        storedReminder('e2e-later', 'e2e later key', today!, 365, farAhead!),
      ],
      quarantine: [],
    });
    await waitForBadge(browser, '1');

    const shown = await popup(page);
    const overdue = await waitForRow(shown, 'e2e overdue key');
    expect(overdue.status).toBe('overdue');
    expect(overdue.due).toBe(`Overdue by 310 days (${overdueDue})`);
    expect((await waitForRow(shown, 'e2e later key')).status).toBe('ok');
    // Most urgent first.
    expect((await popupRows(shown)).map((r) => r.name)).toEqual(['e2e overdue key', 'e2e later key']);

    await clickInRow(shown, 'e2e overdue key', 'Rotated today');
    await shown.waitForSelector('.ks-ask');
    expect(await shown.$eval('.ks-ask', (el) => el.textContent)).toContain('Replaced with a new key today?');
    await clickInRow(shown, 'e2e overdue key', 'Yes, rotated today');

    const successor = await waitForRow(
      shown,
      'e2e overdue key',
      (r) => !r.inHistory && r.state === 'active' && r.status === 'ok',
    );
    expect(successor.due).toBe(`Due in 90 days (${await browserDatePlus(page, 90)})`);
    await waitForBadge(browser, '');
    await shown.click('.ks-history summary');
    const archived = await waitForRow(shown, 'e2e overdue key', (r) => r.inHistory);
    expect(archived.status).toBe('rotated');
    expect(archived.due).toBe(`Rotated on ${today}`);
    expect(await shown.$eval('.ks-history summary', (el) => el.textContent)).toBe('History (1)');
    expect(await shown.$eval('.ks-history', (el) => (el as HTMLDetailsElement).open)).toBe(true);
  });

  it('service worker stopped mid-way (MV3): the pending reminder survives, the next wake-up confirms it, the alarm stays', async () => {
    const id = await extensionId(browser);
    const page = await openKeyList(browser);
    const due = await submitNewKey(page, WITH_IP);

    // Stopped between the submit and OKX's answer; the popup wakes it.
    await stopServiceWorker(browser);
    const afterStop = await openPopupStopped(browser, page, id);
    popups.push(afterStop);
    const pending = await waitForRow(afterStop, WITH_IP.name);
    expect(pending.state).toBe('pending');
    expect(pending.due).toBe(`Due in 60 days (${due})`);
    expect(await workerRestarted(browser)).toBe(true);
    await closePopups();

    // Stopped again; OKX answers now: the page's message to confirm the reminder wakes the worker.
    await stopServiceWorker(browser);
    await answerCreate(page);
    await seeKeyCreated(page, WITH_IP, due);
    expect(await workerRestarted(browser)).toBe(true);

    const shown = await openPopupStopped(browser, page, id);
    popups.push(shown);
    const confirmed = await waitForRow(shown, WITH_IP.name, (r) => r.state === 'active');
    expect(confirmed.due).toBe(`Due in 60 days (${due})`);
    expect(await popupRows(shown)).toHaveLength(1);

    // The daily check outlives the worker (alarms are the browser's, not the worker's).
    const worker = await readyWorker(browser);
    const alarm = await worker.evaluate((name) => chrome.alarms.get(name), CHECK_ALARM);
    expect(alarm?.name).toBe(CHECK_ALARM);
    expect(alarm?.periodInMinutes).toBeGreaterThan(0);
    expect(alarm?.periodInMinutes).toBeLessThanOrEqual(24 * 60);
  });

  it('damaged stored data: the valid key is listed, 1 record kept aside, exportable as found from the options page', async () => {
    const page = await openFixture(browser, OKX.keyPage, 'en-native.html');
    const [today, due] = await Promise.all([0, 90].map((n) => browserDatePlus(page, n)));
    const broken = { id: 'e2e-broken', exchange: 'okx', name: 'half-written key', due: 'someday', state: 'active' };
    await seedReminders(browser, {
      version: 2,
      reminders: [storedReminder('e2e-valid', 'e2e valid key', today!, 90, due!), broken],
      quarantine: [],
    });

    const shown = await popup(page);
    await waitForRow(shown, 'e2e valid key');
    expect(await popupRows(shown)).toHaveLength(1);
    const warning = await shown.$eval('.ks-warning', (el) => (el as HTMLElement).innerText);
    expect(warning).toContain('1 stored record could not be read and is kept aside unchanged.');

    // "Export it from Settings" opens the options page, which offers the record as found.
    const id = await extensionId(browser);
    const optionsUrl = `chrome-extension://${id}/src/options/index.html`;
    const opening = browser.waitForTarget((t) => t.url() === optionsUrl, { timeout: 10_000 });
    await shown.click('.ks-warning button');
    const options = await (await opening).asPage();
    await options.waitForSelector('#ks-quarantine');
    const section = await options.$eval('section[aria-labelledby="ks-quarantine"]', (el) => el.innerText);
    expect(section).toContain('1 stored record could not be read');
    expect(section).toContain('Export it as JSON, as found');
    expect(await options.evaluate(() => document.body.innerText)).toContain(
      '1 key in this browser (1 live, 0 in history).',
    );

    const downloads = mkdtempSync(join(tmpdir(), 'keyscope-downloads-'));
    try {
      const cdp = await browser.target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await options.click('section[aria-labelledby="ks-quarantine"] button');
      const file = `keyscope-kept-aside-${today}.json`;
      const deadline = Date.now() + 10_000;
      while (!readdirSync(downloads).includes(file)) {
        if (Date.now() > deadline)
          throw new Error(`No ${file} downloaded; the folder has ${JSON.stringify(readdirSync(downloads))}`);
        await sleep(100);
      }
      expect(JSON.parse(readFileSync(join(downloads, file), 'utf8'))).toEqual([broken]);
    } finally {
      await rm(downloads, { recursive: true, force: true });
      await options.close();
    }
  });
});
