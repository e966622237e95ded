// The OKX user stories run in both real browsers (okx-chromium.test.ts, okx-firefox.test.ts) against the built
// extension, with the replica pages served at OKX's real URLs.
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, serveFixtures, type Route } from '../../scripts/browsers.mjs';
import {
  OKX,
  browserDatePlus,
  clickPanel,
  clickText,
  fixtureHtml,
  overlayAfter,
  overlayState,
  panelText,
  spaShell,
  waitForNoOverlay,
  waitForOverlay,
  waitForPanelText,
} from './harness';

/** How long a page that must stay clean is watched: the bootstrap runs at document_idle, the reader once a frame. */
export const QUIET_MS = 1_000;

export interface BrowserUnderTest {
  name: string;
  launch(): Promise<Browser>;
}

/** A new tab serving `routes` (everything else: empty 404) and opened at `url`. */
export async function openOkx(browser: Browser, url: string, routes: Record<string, Route>): Promise<Page> {
  const page = await browser.newPage();
  await serveFixtures(page, routes);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Launches `target` before the enclosing describe's tests and closes it after them; returns `open`, which opens a
 * tab as openOkx does and closes it after the test. Call it inside a describe.
 */
export function useBrowser(target: BrowserUnderTest): (url: string, routes: Record<string, Route>) => Promise<Page> {
  let browser: Browser;
  const pages: Page[] = [];
  const open = async (url: string, routes: Record<string, Route>) => {
    const page = await openOkx(browser, url, routes);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await target.launch();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
  });
  return open;
}

const CANARY = 'CANARY-PASSPHRASE';

/** One entry of test/fixtures/okx/expected.json (see the README there). */
interface FixtureExpectation {
  url: string;
  open?: string;
  snapshot: {
    exchange: string;
    permissions: string[];
    ipEntries: string[];
    ipFieldFound: boolean;
    keyName: string;
    partnerBinding?: object;
  } | null;
}

/** Nothing the overlay shows or carries may contain the passphrase the fixtures pre-fill (hard rule: no key material). */
async function expectNoKeyMaterial(page: Page): Promise<void> {
  const carried = await page.$eval('[data-keyscope-overlay]', (host) =>
    [...host.getAttributeNames().map((n) => host.getAttribute(n) ?? ''), host.shadowRoot?.textContent ?? ''].join('\n'),
  );
  expect(carried).not.toContain(CANARY);
}

export function okxScenarios(target: BrowserUnderTest): void {
  describe(`OKX in ${target.name} (built extension, replica pages at the real URLs)`, () => {
    const open = useBrowser(target);

    it('en-native: the panel appears, reads the ticks and the IP typed, and shows the verdict', async () => {
      const page = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-native.html') });

      const first = await waitForOverlay(page, { exchange: 'okx' });
      expect(first.permissions).toEqual(['read']); // Read is pre-ticked and disabled, as on OKX
      expect(first.ips).toEqual([]);
      expect(first.findings).toEqual(expect.arrayContaining(['ip.missing', 'purpose.unset', 'rotation.none']));
      expect(first.findings).not.toContain('scope.withdraw');

      // The user ticks Withdraw (a click on the okui checkbox label).
      await clickText(page, '#create-api-form', 'Withdraw');
      const withdraw = await waitForOverlay(page, { permissions: 'read withdraw', has: ['scope.withdraw'] });
      expect(withdraw.risk).toBe('critical');
      expect(withdraw.findings).toContain('ip.missing');

      // The user types an address into the IP allowlist.
      await page.type('#create-api-form textarea', '203.0.113.7');
      const bound = await waitForOverlay(page, { ips: '203.0.113.7', lacks: ['ip.missing'] });
      expect(bound.findings).toContain('scope.withdraw');
      // 203.0.113.0/24 is a documentation range: reserved, so the exchange would never see it (docs/design.md ip.private).
      expect(bound.findings).toContain('ip.private');

      const text = await panelText(page);
      expect(text).toMatch(/Stop: \d+ things? to fix/);
      expect(text).toContain('KeyScope · OKX');
      await expectNoKeyMaterial(page);

      // Unticking Withdraw takes the critical finding away again.
      await clickText(page, '#create-api-form', 'Withdraw');
      const unticked = await waitForOverlay(page, { permissions: 'read', lacks: ['scope.withdraw'] });
      expect(unticked.risk).toBe('medium');
      // The exchange's own form is untouched by the overlay.
      expect(await page.$eval('#passphrase', (el) => (el as HTMLInputElement).value)).toBe(`${CANARY}-1`);
    });

    it('zh-custom: Chinese labels and role=checkbox controls are read, by mouse and by keyboard', async () => {
      const page = await open(OKX.zhKeyPage, { [OKX.zhKeyPage]: fixture('okx/zh-custom.html') });

      const first = await waitForOverlay(page, { exchange: 'okx' });
      expect(first.permissions).toEqual(['read', 'trade']); // 读取 (disabled, on) and 交易 pre-ticked
      expect(first.ips).toEqual(['203.0.113.7', '198.51.100.0/24']);
      expect(first.findings).not.toContain('ip.missing');

      await clickText(page, '#api-form', '提现'); // Withdraw
      await waitForOverlay(page, { permissions: 'read trade withdraw', has: ['scope.withdraw'], risk: 'critical' });

      // Space on the focused 交易 (Trade) box toggles it off, as the page's own keyboard handler does.
      await page.focus('[aria-labelledby="perm-trade"]');
      await page.keyboard.press(' '); // the Space key (BiDi knows it only as ' ')
      await waitForOverlay(page, { permissions: 'read withdraw' });
      await expectNoKeyMaterial(page);

      // 确认 (Confirm) with no interval chosen: the suggested 90 days (the key is IP-bound: no OKX deadline).
      const due = await browserDatePlus(page, 90);
      await page.click('#api-form button[type="submit"]');
      await waitForPanelText(page, `Reminder saved: rotate "网格机器人" by ${due}.`);
    });

    it("zh-okui: OKX's other Chinese wording (提币, IP地址白名单) and a two-line IP textarea", async () => {
      const page = await open(OKX.zhKeyPage, { [OKX.zhKeyPage]: fixture('okx/zh-okui.html') });
      const state = await waitForOverlay(page, { exchange: 'okx' });
      expect(state.permissions).toEqual(['read', 'withdraw']);
      expect(state.ips).toEqual(['203.0.113.7', '2001:db8::10']);
      expect(state.findings).toContain('scope.withdraw');
      expect(state.findings).not.toContain('ip.missing');

      await clickText(page, '#create-api-form', '交易'); // Trade
      await waitForOverlay(page, { permissions: 'read trade withdraw' });
    });

    it('en-chips: committed IP tag chips are read, added with Enter and removed with ×', async () => {
      const page = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-chips.html') });
      const first = await waitForOverlay(page, { exchange: 'okx' });
      expect(first.ips).toEqual(['8.8.8.8', '2001:4860:4860::8888']);
      expect(first.permissions).toEqual(['read', 'trade']);
      expect(first.findings).not.toContain('ip.missing');

      await page.type('#ip-input', '1.1.1.1');
      await page.keyboard.press('Enter'); // the page turns it into a chip and empties the input
      await waitForOverlay(page, { ips: '8.8.8.8 2001:4860:4860::8888 1.1.1.1' });

      // Remove the 8.8.8.8 chip with its × button.
      const remove = await page.evaluateHandle(() =>
        Array.from(document.querySelectorAll('#ip-control > span'))
          .find((chip) => chip.firstChild?.textContent === '8.8.8.8')
          ?.querySelector('button'),
      );
      await (remove.asElement() as ElementHandle<Element>).click();
      await waitForOverlay(page, { ips: '2001:4860:4860::8888 1.1.1.1' });

      await clickText(page, '.index_perms__Qa81z', 'Withdraw');
      await waitForOverlay(page, { permissions: 'read trade withdraw', has: ['scope.withdraw'] });
      await expectNoKeyMaterial(page);

      // Rotation in 30 days, then OKX's "Submit all": the background records the reminder and the panel says so.
      await clickPanel(page, '30 days');
      await waitForOverlay(page, { lacks: ['rotation.none'] });
      const due = await browserDatePlus(page, 30);
      await page.click('.index_submit__T0bcs');
      await waitForPanelText(page, `Reminder saved: rotate "grid-bot-01" by ${due}.`);
    });

    it('late-modal: no panel for the key list; the panel comes with the modal form and goes with it', async () => {
      const page = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/late-modal.html') });
      // The existing key cards say "Permissions", "Read", "Trade", "IP address allowlist" as plain text.
      expect(await overlayAfter(page, QUIET_MS)).toBe(false);

      await page.click('#create-api-key');
      await waitForOverlay(page, { exchange: 'okx', permissions: 'read', has: ['ip.missing'] });
      await clickText(page, '[role="dialog"]', 'Trade');
      await waitForOverlay(page, { permissions: 'read trade' });

      await clickText(page, '[role="dialog"]', 'Cancel');
      await waitForNoOverlay(page);

      await page.click('#create-api-key');
      const reopened = await waitForOverlay(page, { exchange: 'okx' });
      expect(reopened.permissions).toEqual(['read']); // a fresh form, read afresh
    });

    it('SPA: no panel off the key page; client-side navigation in shows it, out removes it, Back brings it again', async () => {
      const shell = { body: spaShell() };
      const page = await open(OKX.bills, { [OKX.bills]: shell, [OKX.keyPage]: shell, [OKX.spot]: shell });
      await page.waitForSelector('.bills');
      expect(await overlayAfter(page, QUIET_MS)).toBe(false);

      // A click on the in-app link: history.pushState, no page load; the form renders ~300 ms later.
      await page.click('#spa-nav a[href="/account/my-api"]');
      await page.waitForFunction(() => location.pathname === '/account/my-api');
      await waitForOverlay(page, { exchange: 'okx', permissions: 'read' });
      await clickText(page, '#create-api-form', 'Withdraw');
      await waitForOverlay(page, { permissions: 'read withdraw', has: ['scope.withdraw'] });

      await page.click('#spa-nav a[href="/balance/bills"]');
      await waitForNoOverlay(page);
      expect(await page.evaluate(() => location.pathname)).toBe('/balance/bills');
      // Bills has checkboxes labelled Trade/Withdraw/Transfer: the panel must not come back for them.
      expect(await overlayAfter(page, QUIET_MS)).toBe(false);

      // The browser's Back button: popstate to /account/my-api, the router renders the form again.
      await Promise.all([page.waitForFunction(() => location.pathname === '/account/my-api'), page.goBack()]);
      const back = await waitForOverlay(page, { exchange: 'okx' });
      expect(back.permissions).toEqual(['read']); // the re-rendered form starts afresh

      await page.click('#spa-nav a[href="/trade-spot/btc-usdt"]');
      await waitForNoOverlay(page);
      expect(await page.evaluate(() => document.querySelectorAll('[data-keyscope-overlay]').length)).toBe(0);
    });

    it('every replica page in fixtures/okx/expected.json: the overlay carries the expected snapshot, or is absent', async () => {
      const expected = JSON.parse(fixtureHtml('expected', 'json')) as Record<string, FixtureExpectation>;
      expect(Object.keys(expected).length).toBeGreaterThanOrEqual(6);
      for (const [file, want] of Object.entries(expected)) {
        // At its own URL, and at the key-page URL ("every page can also be served at …/account/my-api").
        for (const url of new Set([want.url, OKX.keyPage])) {
          const page = await open(url, { [url]: fixture(`okx/${file}`) });
          if (want.open) await clickText(page, 'body', want.open);
          const where = `${file} at ${url}`;
          if (want.snapshot === null) {
            expect(await overlayAfter(page, QUIET_MS), where).toBe(false);
          } else {
            const state = await waitForOverlay(page, {
              exchange: want.snapshot.exchange,
              permissions: [...want.snapshot.permissions].sort().join(' '),
              ips: want.snapshot.ipEntries.join(' '),
            }).catch((error: unknown) => {
              throw new Error(`${where}: ${String(error)}`);
            });
            // A key OKX binds to a partner's servers has no IP list on purpose: not ip.missing.
            expect(state.findings.includes('ip.missing'), where).toBe(
              want.snapshot.ipEntries.length === 0 && !want.snapshot.partnerBinding,
            );
            await expectNoKeyMaterial(page);
          }
          await page.close();
        }
      }
    });

    it('other OKX hosts and locale prefixes get the panel; a look-alike host does not', async () => {
      for (const url of [
        'https://my.okx.com/account/my-api',
        'https://app.okx.com/en-sg/account/my-api',
        'https://www.okx.com/zh-hans-au/account/my-api/',
      ]) {
        const page = await open(url, { [url]: fixture('okx/en-native.html') });
        await waitForOverlay(page, { exchange: 'okx', permissions: 'read' });
      }
      // The manifest matches OKX's own hosts only (least privilege): a phishing look-alike is not touched.
      const lookAlike = 'https://www.okx.com.account-verify.example/account/my-api';
      const page = await open(lookAlike, { [lookAlike]: fixture('okx/en-native.html') });
      await page.waitForSelector('#create-api-form');
      expect(await overlayAfter(page, QUIET_MS)).toBe(false);
    });

    it('non-API page: Bills (same words, other roles) gets no panel, at its own URL or even at the key-page URL', async () => {
      const bills = await open(OKX.bills, { [OKX.bills]: fixture('okx/not-api.html') });
      await bills.waitForSelector('.bills');
      expect(await overlayAfter(bills, QUIET_MS)).toBe(false);
      // Users click around on it: still nothing.
      await clickText(bills, '.bills-toolbar', 'Transfer');
      expect(await overlayAfter(bills, 200)).toBe(false);

      // The reader itself must find no key form in it, even where the URL says key page.
      const misplaced = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/not-api.html') });
      await misplaced.waitForSelector('.bills');
      expect(await overlayAfter(misplaced, QUIET_MS)).toBe(false);
      await clickText(misplaced, '.bills-toolbar', 'Transfer');
      expect(await overlayAfter(misplaced, 300)).toBe(false);
      expect(await overlayState(misplaced)).toBeNull();
    });
  });
}
