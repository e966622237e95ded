// A hostile exchange page against the built extension, in both real browsers (hostile-chromium.test.ts,
// hostile-firefox.test.ts): markup alone must not switch KeyScope off, and the page's own script clicking for the user
// records and tracks nothing.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/browsers.mjs';
import { clickText, OKX, panelText, waitForOverlay, waitForPanelText } from './harness';
import { flagHosts, sleep, trackButton, waitForFlag } from './inventory-scenarios';
import { QUIET_MS, useBrowser, type BrowserUnderTest } from './okx-scenarios';

/**
 * Elements whose id or name was the name of a KeyScope global before 2026-12: the page's named elements are
 * properties of the window in the content scripts' world too, and shadowed the bootstrap's and the guard's handles.
 */
const SHADOWING_MARKUP =
  '<div id="__keyscopeBootstrap"></div><a id="__keyscopeGuard" href="#"></a><img name="__keyscopeGuard" alt=""><form name="__keyscopeAdapter"></form>';

/** A browser, and where it lets a test see the reminders the background keeps (Chromium: the popup; Firefox: nowhere). */
export interface HostileTarget extends BrowserUnderTest {
  /** The names of the popup's reminder rows for `page`'s browser. */
  reminderNames?(page: Page): Promise<string[]>;
}

/** The reminders' names now and later, sorted; an empty list where the browser lets a test see none. */
async function reminders(target: HostileTarget, page: Page): Promise<string[]> {
  return target.reminderNames ? (await target.reminderNames(page)).sort() : [];
}

/** How many times the page's script clicks: the attack as found. */
const PAGE_CLICKS = 300;

export function hostileScenarios(target: HostileTarget): void {
  describe(`a hostile page in ${target.name}`, () => {
    const open = useBrowser(target);

    it("elements named like KeyScope's handles (no script needed) leave the panel and its verdict in place", async () => {
      const html = readFileSync(fixture('okx/en-native.html'), 'utf8').replace(
        /<body([^>]*)>/,
        `<body$1>${SHADOWING_MARKUP}`,
      );
      expect(html).toContain('id="__keyscopeBootstrap"');
      const page = await open(OKX.keyPage, { [OKX.keyPage]: { body: html } });
      const state = await waitForOverlay(page, { exchange: 'okx' });
      expect(state.permissions).toEqual(['read']);
    });

    // late-modal.html: its Confirm creates nothing, so the form stays for click after click.
    it(`the page's script clicks OKX's create button ${PAGE_CLICKS} times, a new key name each time: nothing is recorded; the user's one real click records one`, async () => {
      const page = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/late-modal.html') });
      await clickText(page, 'body', 'Create API key');
      await waitForOverlay(page, { exchange: 'okx' });
      const before = await reminders(target, page);
      const clicks = await page.evaluate((count) => {
        const name = document.querySelector('#ck-name') as HTMLInputElement;
        const confirm = Array.from(document.querySelectorAll('[role="dialog"] button')).find(
          (b) => b.textContent?.trim() === 'Confirm',
        ) as HTMLElement;
        let seen = 0;
        confirm.addEventListener('click', () => seen++);
        for (let i = 0; i < count; i++) {
          name.value = `page-made-${i}`;
          name.dispatchEvent(new Event('input', { bubbles: true }));
          confirm.click();
        }
        return seen;
      }, PAGE_CLICKS);
      expect(clicks).toBe(PAGE_CLICKS); // the page got its clicks: KeyScope never holds the page back
      await sleep(QUIET_MS);
      expect(await panelText(page)).not.toMatch(/Reminder saved|Could not save/);
      expect(await reminders(target, page)).toEqual(before);

      await page.$eval('#ck-name', (field) => ((field as HTMLInputElement).value = ''));
      await page.type('#ck-name', 'my real key');
      await clickText(page, '[role="dialog"]', 'Confirm');
      await waitForPanelText(page, `Reminder saved: rotate "my real key"`);
      if (target.reminderNames) expect(await reminders(target, page)).toEqual([...before, 'my real key'].sort());
    });

    it('the page\'s script clicks "Track this key" through the open shadow root: nothing is tracked; Enter on the focused button tracks', async () => {
      const page = await open(OKX.keyPage, { [OKX.keyPage]: fixture('okx/key-list.html') });
      await waitForFlag(page, 'grid-bot', { tracked: false });
      const before = await reminders(target, page);
      const clicks = await page.evaluate((count) => {
        let made = 0;
        for (const host of document.querySelectorAll('[data-keyscope-key-flag]')) {
          const button = Array.from(host.shadowRoot?.querySelectorAll('button') ?? []).find(
            (b) => b.textContent === 'Track this key',
          );
          for (let i = 0; button && i < count; i++, made++) {
            button.click();
            button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          }
        }
        return made;
      }, PAGE_CLICKS / 10);
      expect(clicks).toBeGreaterThan(0);
      await sleep(QUIET_MS);
      expect((await flagHosts(page)).filter((host) => host.tracked !== 'false')).toEqual([]);
      expect(await reminders(target, page)).toEqual(before);

      // The user, by keyboard: a trusted click on the focused button.
      const button = await trackButton(page, 'grid-bot');
      await button.focus();
      await button.dispose();
      await page.keyboard.press('Enter');
      await waitForFlag(page, 'grid-bot', { tracked: true });
      if (target.reminderNames) expect(await reminders(target, page)).toEqual([...before, 'grid-bot'].sort());
    });
  });
}
