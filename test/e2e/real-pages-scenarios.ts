// The pages as the evidence of December 2026 shows them (docs/exchanges.md, "Evidence of the live pages"), run in
// both real browsers (real-pages-chromium.test.ts, real-pages-firefox.test.ts) against the built extension, with the
// replica pages served at the exchanges' real URLs: Binance's "Edit restrictions" on a listed key, OKX's third-party
// app keys and a permission KeyScope does not know, Kraken Pro's dialog, KuCoin's create page.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/browsers.mjs';
import { byText, clickPanel, clickText, overlayAfter, panelText, waitForOverlay, waitForPanelText } from './harness';
import { QUIET_MS, useBrowser, type BrowserUnderTest } from './okx-scenarios';

const BINANCE_KEYS = 'https://www.binance.com/en/my/settings/api-management';
const OKX_KEYS = 'https://www.okx.com/account/my-api';
const KRAKEN_PRO = 'https://pro.kraken.com/app/settings/api';
const KUCOIN_KEYS = 'https://www.kucoin.com/account/api';

/** Nothing the overlay shows or carries may contain a fixture's canary (hard rule: no key material). */
async function expectNoKeyMaterial(page: Page): Promise<void> {
  const carried = await page.$eval('[data-keyscope-overlay]', (host) =>
    [...host.getAttributeNames().map((n) => host.getAttribute(n) ?? ''), host.shadowRoot?.textContent ?? ''].join('\n'),
  );
  expect(carried).not.toContain('CANARY');
}

export function realPageScenarios(target: BrowserUnderTest): void {
  describe(`the real pages in ${target.name} (built extension, replicas from the evidence at the real URLs)`, () => {
    const open = useBrowser(target);

    it('Binance: no panel over the list; "Edit restrictions" guards that card by its name; Save updates its reminder', async () => {
      const page = await open(BINANCE_KEYS, { [BINANCE_KEYS]: fixture('binance/edit-restrictions.html') });
      // Every card shows its restrictions, disabled: nothing is being set, nothing to guard.
      expect(await overlayAfter(page, QUIET_MS)).toBe(false);

      await (await byText(page, '#card-grid', 'Edit restrictions')).click();
      const first = await waitForOverlay(page, { exchange: 'binance', permissions: 'read trade', has: ['ip.missing'] });
      expect(first.ips).toEqual([]);

      await clickText(page, '#card-grid', 'Enable Withdrawals');
      await waitForOverlay(page, { permissions: 'read trade withdraw', has: ['scope.withdraw'] });
      await clickText(page, '#card-grid', 'Restrict access to trusted IPs only (Recommended)');
      await page.type('#ip-grid-list', '1.1.1.1');
      await waitForOverlay(page, { ips: '1.1.1.1', lacks: ['ip.missing'] });

      await (await byText(page, '#card-grid', 'Save')).click();
      // The background answered: the reminder of "grid-bot" now has these restrictions.
      await waitForPanelText(page, 'Reminder updated with the new restrictions: rotate "grid-bot"');
      await expectNoKeyMaterial(page);
    });

    it('OKX "Binding third-party apps": bound by OKX to the partner, no IP finding, the partner named in the panel', async () => {
      const page = await open(OKX_KEYS, { [OKX_KEYS]: fixture('okx/third-party.html') });
      const state = await waitForOverlay(page, { exchange: 'okx' });
      expect(state.findings).not.toContain('ip.missing');
      expect(state.findings).not.toContain('form.ip-unreadable');
      expect(state.findings).not.toContain('exchange.unbound-expiry');
      expect(await panelText(page)).toMatch(/OKX binds this key to the servers of .+ \(Binding third-party apps\)/);
      await expectNoKeyMaterial(page);
    });

    it('OKX with one more toggle than KeyScope knows, ticked: form.permission-unknown names it, never Ready', async () => {
      const page = await open(OKX_KEYS, { [OKX_KEYS]: fixture('okx/unknown-toggle.html') });
      const state = await waitForOverlay(page, { exchange: 'okx', has: ['form.permission-unknown'] });
      expect(state.risk === 'high' || state.risk === 'critical').toBe(true);
      await waitForPanelText(page, 'KeyScope does not know this permission, and it is on: “Earn”');
      expect(await panelText(page)).not.toContain('Ready to create');
    });

    it('"This page is not read right?": the describer is injected at the click, and describes the unknown toggle', async () => {
      const page = await open(OKX_KEYS, { [OKX_KEYS]: fixture('okx/unknown-toggle.html') });
      await waitForOverlay(page, { exchange: 'okx', has: ['form.permission-unknown'] });
      // The guard does not carry the describer (test/build/built-extension.test.ts): the background injects it now.
      await clickPanel(page, 'This page is not read right?');
      await waitForPanelText(page, '"keyscope": "page-description"');
      const shown = await panelText(page);
      expect(shown).toContain('"exchange": "okx"');
      expect(shown).toContain('"area": "key-form"');
      expect(shown).toContain('Earn');
      await expectNoKeyMaterial(page);
    });

    it('Kraken Pro: the dialog is guarded; Funds › Withdraw is scope.withdraw', async () => {
      const page = await open(KRAKEN_PRO, { [KRAKEN_PRO]: fixture('kraken/pro-dialog.html') });
      const state = await waitForOverlay(page, { exchange: 'kraken', has: ['scope.withdraw'] });
      expect(state.permissions).toContain('withdraw');
      expect(state.risk).toBe('critical');
      await expectNoKeyMaterial(page);
    });

    it('KuCoin: "Transfer (Not Recommended)" ticked is withdraw, never a harmless read key', async () => {
      const page = await open(KUCOIN_KEYS, { [KUCOIN_KEYS]: fixture('kucoin/create-2023.html') });
      const state = await waitForOverlay(page, { exchange: 'kucoin', has: ['scope.withdraw'] });
      expect(state.permissions).toContain('withdraw');
      expect(state.risk).toBe('critical');
      await expectNoKeyMaterial(page);
    });
  });
}
