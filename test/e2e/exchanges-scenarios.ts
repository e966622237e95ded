// Binance and Bybit user stories, run in both real browsers (exchanges-chromium.test.ts, exchanges-firefox.test.ts)
// against the built extension, with the replica pages (test/fixtures/<exchange>/) served at the exchanges' real URLs.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/browsers.mjs';
import { clickText, panelText, waitForOverlay, waitForPanelText } from './harness';
import { useBrowser, type BrowserUnderTest } from './okx-scenarios';

export const BINANCE = {
  keyPage: 'https://www.binance.com/en/my/settings/api-management',
  zhKeyPage: 'https://www.binance.com/zh-CN/my/settings/api-management',
} as const;

export const BYBIT = {
  keyPage: 'https://www.bybit.com/app/user/api-management',
  zhKeyPage: 'https://www.bybit.com/zh-MY/app/user/api-management',
} as const;

/** Nothing the overlay shows or carries may contain a fixture's canary (hard rule: no key material). */
async function expectNoKeyMaterial(page: Page): Promise<void> {
  const carried = await page.$eval('[data-keyscope-overlay]', (host) =>
    [...host.getAttributeNames().map((n) => host.getAttribute(n) ?? ''), host.shadowRoot?.textContent ?? ''].join('\n'),
  );
  expect(carried).not.toContain('CANARY');
}

/** Empties a text field as a user does: select all, delete. */
async function clearField(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
}

export function exchangeScenarios(target: BrowserUnderTest): void {
  describe(`Binance and Bybit in ${target.name} (built extension, replica pages at the real URLs)`, () => {
    const open = useBrowser(target);

    it('Binance: unrestricted means no IP; Withdraw is refused without one; restricting and typing an IP binds the key', async () => {
      const page = await open(BINANCE.keyPage, { [BINANCE.keyPage]: fixture('binance/en-native.html') });

      const first = await waitForOverlay(page, { exchange: 'binance' });
      expect(first.permissions).toEqual(['read', 'trade']);
      expect(first.ips).toEqual([]); // "Unrestricted (Less Secure)" is chosen; the hidden field's 8.8.8.8 does not count
      expect(first.findings).toEqual(expect.arrayContaining(['ip.missing', 'exchange.unbound-expiry']));
      expect(first.findings).not.toContain('exchange.key-type'); // Ed25519
      await waitForPanelText(page, 'Binance will remove this key');

      await clickText(page, '#create-api', 'Enable Withdrawals');
      const withdraw = await waitForOverlay(page, {
        permissions: 'read trade withdraw',
        has: ['scope.withdraw', 'ip.missing'],
      });
      expect(withdraw.risk).toBe('critical');
      await waitForPanelText(page, 'Binance refuses Withdraw without an IP restriction.');

      // "Restrict access": the field appears with the 8.8.8.8 it kept; the user empties it and types their server's IP.
      await clickText(page, '#create-api', 'Restrict access to trusted IPs only (Recommended)');
      await waitForOverlay(page, { ips: '8.8.8.8', lacks: ['ip.missing'] });
      await clearField(page, '#ip-list');
      await waitForOverlay(page, { ips: '', has: ['ip.missing'] });
      await page.type('#ip-list', '1.1.1.1');
      const bound = await waitForOverlay(page, { ips: '1.1.1.1', lacks: ['ip.missing', 'exchange.unbound-expiry'] });
      expect(bound.findings).toContain('scope.withdraw');

      // Back to "Unrestricted": the typed IP no longer binds anything.
      await clickText(page, '#create-api', 'Unrestricted (Less Secure)');
      await waitForOverlay(page, { ips: '', has: ['ip.missing'] });

      await clickText(page, '#create-api', 'HMAC');
      await waitForOverlay(page, { has: ['exchange.key-type'] });
      expect(await panelText(page)).toContain('KeyScope · Binance');
      await expectNoKeyMaterial(page);
    });

    it('Binance zh: switches and radio cards, HMAC chosen, IP restricted to two addresses', async () => {
      const page = await open(BINANCE.zhKeyPage, { [BINANCE.zhKeyPage]: fixture('binance/zh-switches.html') });
      const state = await waitForOverlay(page, { exchange: 'binance', has: ['scope.withdraw', 'exchange.key-type'] });
      expect(state.permissions).toEqual(['read', 'trade', 'withdraw']);
      expect(state.ips).toEqual(['8.8.8.8', '1.1.1.1']);
      expect(state.findings).not.toContain('ip.missing');

      await clickText(page, '#api-edit', '无限制（有风险）');
      await waitForOverlay(page, { ips: '', has: ['ip.missing'] });
      await page.click('[aria-labelledby="p-withdraw"]');
      await waitForOverlay(page, { permissions: 'read trade', lacks: ['scope.withdraw'] });
      await expectNoKeyMaterial(page);
    });

    it('Bybit: groups are read, Withdrawal is scope.withdraw, Read-Only reads only, no IP restriction means no IP', async () => {
      const page = await open(BYBIT.keyPage, { [BYBIT.keyPage]: fixture('bybit/en-native.html') });

      const first = await waitForOverlay(page, { exchange: 'bybit' });
      expect(first.permissions).toEqual(['futures', 'read', 'trade']); // Contract › Orders, Positions; Spot › Trade
      expect(first.ips).toEqual(['8.8.8.8']);
      expect(first.findings).not.toContain('ip.missing');

      await clickText(page, '#groups', 'Withdrawal');
      const withdraw = await waitForOverlay(page, {
        permissions: 'futures read trade withdraw',
        has: ['scope.withdraw'],
      });
      expect(withdraw.risk).toBe('critical');

      // Read-Only: the boxes stay ticked on the page, but the key can only read.
      await clickText(page, '#bybit-key', 'Read-Only');
      await waitForOverlay(page, { permissions: 'read', lacks: ['scope.withdraw'] });

      await clickText(page, '#bybit-key', 'No IP restriction');
      await waitForOverlay(page, { ips: '', has: ['ip.missing', 'exchange.unbound-expiry'] });
      await waitForPanelText(page, 'Bybit will remove this key 90 days after creation');
      await expectNoKeyMaterial(page);
    });

    it('Bybit zh: 只读 with ticked boxes reads only; 读写 reads the boxes; ticking 提现 is scope.withdraw', async () => {
      const page = await open(BYBIT.zhKeyPage, { [BYBIT.zhKeyPage]: fixture('bybit/zh-custom.html') });
      const first = await waitForOverlay(page, { exchange: 'bybit', permissions: 'read', has: ['ip.missing'] });
      expect(first.ips).toEqual([]);

      await clickText(page, '#bybit-form', '读写');
      await waitForOverlay(page, { permissions: 'futures read trade' });
      await page.click('#groups > div:last-child .bb-check');
      await waitForOverlay(page, { permissions: 'futures read trade withdraw', has: ['scope.withdraw'] });
      await expectNoKeyMaterial(page);
    });
  });
}
