// An organisation's policy in Chromium, the way an administrator sets it on Linux: a JSON file in
// /etc/chromium/policies/managed/ with `3rdparty.extensions.<extension id>`. The id of an unpacked extension is derived
// from its path, so the file names this worktree's build only: Chromium instances other tests run at the same time,
// with other builds, are not affected. Writing there needs root; the file (and any folder this test created) is
// removed after the tests, and on exit should they be interrupted.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_CHROME, extensionId, launchChromium } from '../../scripts/browsers.mjs';
import { expectNoViolations, SCHEMES, useScheme } from './axe';
import { HOST } from './harness';
import { expectPolicyOnPanel, MESSAGE, POLICY } from './policy-scenarios';

const POLICY_DIRS = ['/etc/chromium', '/etc/chromium/policies', '/etc/chromium/policies/managed'];
const POLICY_FILE = `/etc/chromium/policies/managed/keyscope-e2e-${process.pid}.json`;
const isRoot = process.getuid?.() === 0;
const NOTICE_BACKGROUND = { light: 'rgb(227, 237, 253)', dark: 'rgb(28, 43, 68)' };

/** Chromium's id for an unpacked extension: the first 128 bits of SHA-256 of its path, hex digits written a–p. */
function unpackedExtensionId(path: string): string {
  return [...createHash('sha256').update(path).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

interface Reply {
  policy?: Record<string, unknown>;
  notes?: string[];
  error?: string;
}
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<Reply> } };
const ask = (page: Page, type: string, payload: object) =>
  page.evaluate((t, p) => chrome.runtime.sendMessage({ type: t, payload: p }), type, payload);

describe.skipIf(!isRoot)(
  'Managed policy in Chromium (skipped unless root: the policy file goes in /etc/chromium/policies/managed)',
  () => {
    const created: string[] = [];
    const removePolicy = () => {
      rmSync(POLICY_FILE, { force: true });
      for (const dir of created.splice(0).reverse()) {
        try {
          rmdirSync(dir);
        } catch {
          // Not empty: someone else's policies are there too; leave the folder.
        }
      }
    };
    let browser: Browser;
    let id: string;

    beforeAll(async () => {
      process.once('exit', removePolicy);
      try {
        for (const dir of POLICY_DIRS) {
          if (existsSync(dir)) continue;
          mkdirSync(dir);
          created.push(dir);
        }
        writeFileSync(
          POLICY_FILE,
          JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(DIST_CHROME)]: POLICY } } }),
        );
        browser = await launchChromium();
        id = await extensionId(browser);
      } catch (error) {
        removePolicy();
        throw error;
      }
    });
    afterAll(async () => {
      try {
        await browser?.close();
      } finally {
        removePolicy();
        process.removeListener('exit', removePolicy);
      }
    });

    it("the file names this build's extension id", () => {
      expect(id).toBe(unpackedExtensionId(DIST_CHROME));
    });

    it("policy findings with the organisation's message, and rotation capped at its maximum", async () => {
      await expectPolicyOnPanel(browser);
    });

    it('the settings page: "Managed by your organisation", read-only settings, and the background refuses a write', async () => {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${id}/src/options/index.html`);
      // Chromium applies the policy a moment after start-up; the settings page reads it when it opens.
      await page.waitForFunction(
        async () => !!(await chrome.runtime.sendMessage({ type: 'policy:get', payload: {} })).policy,
        { timeout: 20_000, polling: 200 },
      );
      // Chrome's schema let through only the fields it declares: the unknown one never reaches KeyScope.
      expect(await ask(page, 'policy:get', {})).toEqual({
        policy: {
          forbidWithdraw: true,
          requireIpBinding: true,
          maxRotationDays: 30,
          lockSettings: true,
          message: MESSAGE,
        },
        notes: [],
      });
      await page.reload();
      await page.waitForSelector('[data-keyscope-managed]');
      const notice = await page.$eval('[data-keyscope-managed]', (el) => (el as HTMLElement).innerText);
      expect(notice).toContain('Managed by your organisation');
      expect(notice).toContain(MESSAGE);
      expect(notice).toContain('Keys must be rotated or deleted within 30 days.');
      await page.waitForSelector('#ks-due-soon');
      expect(await page.$eval('#ks-due-soon', (el) => el.matches(':disabled'))).toBe(true);
      expect(
        await page.$$eval('.ks-options button', (buttons) =>
          buttons.filter((b) => !b.matches(':disabled')).map((b) => b.textContent),
        ),
      ).toEqual(expect.arrayContaining(['Export all data (JSON)']));
      const refused = await ask(page, 'settings:set', { dueSoonDays: 3 });
      expect(refused.error).toBe(
        `Your organisation manages KeyScope’s settings: they cannot be changed here. ${MESSAGE}`,
      );
      await page.close();
    });

    // What only a policy shows (the notice, the locked settings' legend, each finding's message line) keeps the themes'
    // contrast and structure: axe as in a11y-chromium.test.ts, in light and in dark.
    it.each(SCHEMES)(
      '%s: the settings page under the policy and the panel with its findings: no axe violations',
      async (scheme) => {
        const options = await browser.newPage();
        await useScheme(options, scheme);
        await options.goto(`chrome-extension://${id}/src/options/index.html`);
        await options.waitForFunction(
          async () => !!(await chrome.runtime.sendMessage({ type: 'policy:get', payload: {} })).policy,
          { timeout: 20_000, polling: 200 },
        );
        await options.reload();
        await options.waitForSelector('[data-keyscope-managed] .ks-managed-message');
        await options.waitForSelector('.ks-managed-legend');
        // The notice really follows the theme (--ks-info-bg of src/ui/base.css), so axe judged the scheme named.
        expect(await options.$eval('[data-keyscope-managed]', (el) => getComputedStyle(el).backgroundColor)).toBe(
          NOTICE_BACKGROUND[scheme],
        );
        await expectNoViolations(options, `the ${scheme} settings page under a locked policy`);
        await options.close();

        const page = await expectPolicyOnPanel(browser);
        await useScheme(page, scheme);
        await expectNoViolations(page, `the ${scheme} panel with the policy findings`, HOST, 20);
        await page.close();
      },
    );
  },
);
