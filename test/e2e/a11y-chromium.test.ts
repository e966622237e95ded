// Accessibility of the built extension in real Chromium: axe-core on the panel (in its shadow root on the OKX replica),
// the popup and the settings page, in light and in dark, in the states a user meets; and the panel by keyboard alone.
// axe is injected with a CDP evaluate (page.evaluate of its source): the extension pages' CSP refuses script tags.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closePopup, extensionId, fixture, launchChromium, openPopup } from '../../scripts/browsers.mjs';
import { expectNoViolations, SCHEMES, useScheme, type Scheme } from './axe';
import { browserDatePlus, clickPanel, clickText, HOST, OKX, panelControl, waitForOverlay } from './harness';
import { keyListFixture, openKeyList, waitForFlags } from './inventory-scenarios';
import { openOkx } from './okx-scenarios';

declare const chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };

/** The panel's computed background, to check that the theme really changed with the system setting. */
async function panelBackground(page: Page): Promise<string> {
  return page.$eval(HOST, (host) => getComputedStyle(host.shadowRoot!.querySelector('.ks-panel')!).backgroundColor);
}

const EXPECTED_BACKGROUND: Record<Scheme, string> = { light: 'rgb(255, 255, 255)', dark: 'rgb(32, 33, 36)' };

/** The OKX key page with a risky form: Withdraw ticked, a private address typed. */
async function riskyForm(browser: Browser, scheme: Scheme): Promise<Page> {
  const page = await openOkx(browser, OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-native.html') });
  await useScheme(page, scheme);
  await waitForOverlay(page, { exchange: 'okx' });
  await clickText(page, '#create-api-form', 'Withdraw');
  await page.type('#create-api-form textarea', '10.0.0.1');
  await waitForOverlay(page, { has: ['scope.withdraw', 'ip.private', 'rotation.none'] });
  return page;
}

/** A stored reminder (src/inventory/reminder.ts, schema 2) created `createdDaysAgo` ago, due after `rotationDays`. */
async function storedKey(
  page: Page,
  id: string,
  name: string,
  createdDaysAgo: number,
  rotationDays: number,
  state = 'active',
) {
  const [created, due] = await Promise.all([
    browserDatePlus(page, -createdDaysAgo),
    browserDatePlus(page, rotationDays - createdDaysAgo),
  ]);
  const history = [{ kind: 'created', on: created }, ...(state === 'rotated' ? [{ kind: 'rotated', on: due }] : [])];
  return {
    id,
    exchange: 'okx',
    name,
    permissions: ['read', 'trade'],
    ipBound: state !== 'active',
    purpose: 'trading-bot',
    created,
    rotationDays,
    due,
    state,
    source: 'manual',
    history,
  };
}

describe('Accessibility in Chromium (built extension): axe on panel, popup and settings; the panel by keyboard', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const keep = (page: Page) => (pages.push(page), page);

  beforeAll(async () => {
    browser = await launchChromium({ headless: true });
  });
  afterEach(async () => {
    for (const page of pages.splice(0))
      await (page.url().includes('/popup/') ? closePopup(page) : page.close().catch(() => {}));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SCHEMES)(
    '%s: the panel on a risky form, with a reminder chosen, then collapsed: no axe violations',
    async (scheme) => {
      const page = keep(await riskyForm(browser, scheme));
      expect(await panelBackground(page)).toBe(EXPECTED_BACKGROUND[scheme]);
      await clickPanel(page, 'Trading bot', 'label');
      await clickPanel(page, '30 days');
      await waitForOverlay(page, { lacks: ['purpose.unset', 'rotation.none'] });
      await expectNoViolations(page, `the ${scheme} panel`, HOST, 20);

      await clickPanel(page, 'Hide');
      await page.waitForFunction(
        (host) => document.querySelector(host)?.shadowRoot?.querySelector('.ks-steps') === null,
        {},
        HOST,
      );
      await expectNoViolations(page, `the ${scheme} collapsed panel`, HOST, 3);
    },
  );

  it.each(SCHEMES)(
    '%s: the panel asking "Create this key anyway?" (confirm before critical, on): no axe violations, the safe answer focused',
    async (scheme) => {
      const options = keep(await browser.newPage());
      await options.goto(`chrome-extension://${await extensionId(browser)}/src/options/index.html`, {
        waitUntil: 'load',
      });
      await options.evaluate(() => chrome.storage.local.set({ settings: { confirmCritical: true } }));
      try {
        const page = keep(await riskyForm(browser, scheme));
        await clickText(page, '#create-api-form', 'Confirm');
        await page.waitForFunction(
          (host) => document.querySelector(host)?.shadowRoot?.querySelector('.ks-confirm') != null,
          {},
          HOST,
        );
        await page.waitForFunction(
          (host) => document.querySelector(host)?.shadowRoot?.activeElement?.textContent === 'Go back',
          {},
          HOST,
        );
        await expectNoViolations(page, `the ${scheme} panel asking to confirm`, HOST, 20);
      } finally {
        // One browser for the whole file: the other tests run with the default settings.
        await options.evaluate(() => chrome.storage.local.remove('settings'));
      }
    },
  );

  it.each(SCHEMES)('%s: the risk flags beside the keys on the OKX key list: no axe violations', async (scheme) => {
    const page = keep(await openKeyList(browser));
    await useScheme(page, scheme);
    await waitForFlags(page, keyListFixture('key-list.html').keys);
    await expectNoViolations(page, `the ${scheme} key-list flags`, '[data-keyscope-key-flag]');
  });

  it.each(SCHEMES)(
    '%s: the popup with the live verdict and overdue, due-soon and archived keys, and the settings page: no axe violations',
    async (scheme) => {
      const page = keep(await riskyForm(browser, scheme));
      const id = await extensionId(browser);
      const options = keep(await browser.newPage());
      await options.goto(`chrome-extension://${id}/src/options/index.html`, { waitUntil: 'load' });
      const reminders = [
        await storedKey(options, 'a11y-overdue', 'a11y overdue key', 400, 90),
        await storedKey(options, 'a11y-soon', 'a11y due-soon key', 85, 90),
        await storedKey(options, 'a11y-fine', 'a11y fine key', 10, 90),
        await storedKey(options, 'a11y-old', 'a11y rotated key', 200, 90, 'rotated'),
      ];
      await options.evaluate((value) => chrome.storage.local.set({ reminders: value }), {
        version: 2,
        reminders,
        quarantine: [],
      });
      await options.reload({ waitUntil: 'load' });
      await useScheme(options, scheme);
      await options.waitForSelector('#ks-transfer');
      await expectNoViolations(options, `the ${scheme} settings page`);

      const popup = keep(await openPopup(browser, page));
      await useScheme(popup, scheme);
      await popup.waitForSelector('[data-keyscope-status] .ks-finding');
      await popup.waitForSelector('[data-keyscope-reminder][data-status="overdue"]');
      await popup.waitForSelector('[data-keyscope-reminder][data-status="due-soon"]');
      await popup.click('.ks-history > summary');
      await popup.waitForSelector('.ks-history[open] [data-keyscope-reminder][data-status="rotated"]');
      await expectNoViolations(popup, `the ${scheme} popup`, undefined, 20);

      // Asking before "Rotated today", in the overdue row.
      await popup.$$eval('[data-keyscope-reminder][data-status="overdue"] button', (buttons) =>
        (buttons.find((b) => b.textContent === 'Rotated today') as HTMLButtonElement).click(),
      );
      await popup.waitForSelector('.ks-ask');
      await expectNoViolations(popup, `the ${scheme} popup asking to confirm a rotation`, undefined, 20);
    },
  );

  it('keyboard: Tab reaches every panel control in order and leaves it; Enter and Space collapse and expand; the focus ring is for keyboard focus only', async () => {
    const page = keep(await riskyForm(browser, 'light'));
    // What has focus in the panel: its role and name, as a screen reader would say them; null when focus is elsewhere.
    const focused = () =>
      page.$eval(HOST, (host) => {
        const element = host.shadowRoot!.activeElement as HTMLElement | null;
        if (!element) return null;
        const outline = getComputedStyle(element);
        const words = (node: Node): string[] =>
          node.nodeType === Node.TEXT_NODE ? [node.textContent!.trim()] : Array.from(node.childNodes).flatMap(words);
        const name =
          element.getAttribute('aria-label') ??
          words(element.closest('label') ?? element)
            .filter(Boolean)
            .join(' ');
        return {
          tag: element.tagName.toLowerCase(),
          type: element.getAttribute('type'),
          name,
          outline: `${outline.outlineStyle} ${outline.outlineWidth}`,
        };
      });

    // From the IP field (where the user just typed), Tab goes through the rest of the exchange's form, then into the panel.
    let first = await focused();
    for (let presses = 0; !first && presses < 30; presses++) {
      await page.keyboard.press('Tab');
      first = await focused();
    }
    expect(first).toMatchObject({ tag: 'button', name: 'Hide' });
    expect(first!.outline).toBe('solid 2px');

    // The rest of the panel, in reading order: one stop for the purpose radios, the reminder choices, the custom field,
    // then the way to report a page read wrong.
    const order: string[] = [];
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (!now) break;
      expect(now.outline, `focus ring on ${now.name}`).toBe('solid 2px');
      order.push(now.type === 'radio' ? 'purpose radio' : now.name);
    }
    expect(order).toEqual([
      'purpose radio',
      '30 days',
      '60 days',
      '90 days (suggested)',
      'Custom days',
      'Set',
      'This page is not read right?',
    ]);
    // No trap: the next Tab left the panel.
    expect(await focused()).toBeNull();

    // Back to the purpose radios (past the page report link): arrows move between them, and the choice reaches the verdict.
    await page.keyboard.down('Shift');
    const back: string[] = [];
    for (let presses = 0; presses < 10 && back.at(-1) !== 'radio'; presses++) {
      await page.keyboard.press('Tab');
      back.push((await focused())?.type ?? 'outside');
    }
    await page.keyboard.up('Shift');
    expect(back).toEqual(['button', 'submit', 'text', 'button', 'button', 'button', 'radio']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await waitForOverlay(page, { lacks: ['purpose.unset'] });

    // Collapse with Enter, expand with Space: focus stays on the button, the steps go and come back.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focused()).toMatchObject({ name: 'Hide' });
    const steps = () => page.$eval(HOST, (host) => host.shadowRoot!.querySelector('.ks-steps') !== null);
    const expanded = () =>
      page.$eval(HOST, (host) => host.shadowRoot!.querySelector('.ks-collapse')!.getAttribute('aria-expanded'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (host) => !document.querySelector(host)!.shadowRoot!.querySelector('.ks-steps'),
      {},
      HOST,
    );
    expect(await expanded()).toBe('false');
    expect(await focused()).toMatchObject({ name: 'Show', outline: 'solid 2px' });
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (host) => !!document.querySelector(host)!.shadowRoot!.querySelector('.ks-steps'),
      {},
      HOST,
    );
    expect(await expanded()).toBe('true');
    expect(await steps()).toBe(true);
    expect(await focused()).toMatchObject({ name: 'Hide' });

    // A mouse click focuses without the ring: :focus-visible is what draws it.
    const sixty = await panelControl(page, '60 days');
    await sixty.click();
    await sixty.dispose();
    const clicked = await focused();
    expect(clicked?.name).toBe('60 days');
    expect(clicked?.outline).toMatch(/^none /);
  });
});
