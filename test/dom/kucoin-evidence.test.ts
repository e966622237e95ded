import { afterEach, describe, expect, test } from 'vitest';
import { readKeyList } from '../../src/content/read/read-key-list';
import { findSuccessView } from '../../src/content/guard/success-view';
import type { EvaluationContext } from '../../src/core/types';
import { kucoin } from '../../src/exchanges/kucoin';
import { findingOf, snapshot } from '../unit/helpers';
import { reportReads, waitForValue } from './key-list-harness';
import { closePages, expectations, loadFixture, type FixturePage } from './fixture-page';

// KuCoin's pages as 2023 screenshots of the real ones show them (test/fixtures/kucoin/README.md): the create page
// with "Transfer (Not Recommended)", whose description says it withdraws; "IP Restriction" Yes / No; the "API
// Created!" view; the key list "API Management". Read as the content script reads them, changed as a user does.

afterEach(closePages);

const open = (file: string): Promise<FixturePage> => loadFixture(kucoin, file);
const EXPECTED = expectations('kucoin') as Record<string, { submit?: string; dismiss?: string; keys?: unknown[] }>;

describe('KuCoin create page, 2023', () => {
  test('"Transfer (Not Recommended)" is withdraw; unticked, Spot Trading is trade and General read', async () => {
    const page = await open('create-2023.html');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw']);
    await page.clickText('Transfer');
    expect(page.read()?.permissions).toEqual(['read', 'trade']);
    await page.clickText('Spot Trading');
    await page.clickText('Margin Trading');
    await page.clickText('Futures Trading');
    expect(page.read()?.permissions).toEqual(['read', 'futures', 'margin']);
  });

  test('General alone is read: its description\'s "withdrawals" makes no permission, and nothing is unknown', async () => {
    const page = await open('create-2023.html');
    await page.clickText('Transfer');
    await page.clickText('Spot Trading');
    const read = page.read();
    expect(read?.permissions).toEqual(['read']);
    expect(read?.unknownPermissions).toBeUndefined();
  });

  test('IP Restriction "No" binds nothing though the hidden field holds 8.8.8.8; "Yes" shows the field and reads it', async () => {
    const page = await open('create-2023.html');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
    await page.clickText('Yes');
    expect(page.$('#ip-box').hidden).toBe(false);
    expect(page.read()).toMatchObject({ ipEntries: ['8.8.8.8'], ipFieldFound: true });
    await page.type(page.$('#ip-list'), '8.8.8.8,1.1.1.1');
    expect(page.read()?.ipEntries).toEqual(['8.8.8.8', '1.1.1.1']);
    await page.clickText('No');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
  });

  test('the "API Created!" view is recognised, and its Key and Secret are never read, not even a character', async () => {
    const page = await open('create-2023.html');
    const body = page.document.body;
    expect(findSuccessView(body, kucoin), 'the create form is not it').toBeUndefined();
    page.text(EXPECTED['create-2023.html']!.submit!).click();
    await waitForValue(() => page.document.querySelector('#new-secret-key'), 1000);
    const reads = reportReads(body, /CANARY-(APIKEY|SECRET)-/);
    const view = findSuccessView(body, kucoin);
    expect(view?.contains(page.$('#new-api-key'))).toBe(true);
    expect(view?.contains(page.$('#new-secret-key'))).toBe(true);
    expect(reads).toEqual([]);
    page.text(EXPECTED['create-2023.html']!.dismiss!, page.$('[role="dialog"]')).click();
    expect(findSuccessView(body, kucoin)).toBeUndefined();
  });

  test('the form still reads the same with the "API Created!" view over it, and no canary reaches the snapshot', async () => {
    const page = await open('create-2023.html');
    const before = page.read();
    page.text('Next').click();
    await waitForValue(() => page.document.querySelector('#new-secret-key'), 1000);
    expect(page.read()).toEqual(before);
    expect(JSON.stringify(page.read())).not.toContain('CANARY');
  });
});

describe('KuCoin: third-party app and expiry (expected.json holds the readings these should give)', () => {
  // With "Link Third-Party Applications" there is no IP field, so findKeyForm anchors on the "API Permissions"
  // heading and the form it finds is that form item alone: the tabs, "Name of Third-Party App" and "API Name" lie
  // outside it. Read from the page's <main>, the same reader gets them all right.
  test('the form found on a third-party-app page holds the chosen tab, the app and the key name', async () => {
    const page = await open('link-app-2023.html');
    expect(page.read()).toMatchObject({
      keyName: 'hb-link',
      partnerBinding: { choice: 'Link Third-Party Applications', partner: 'hummingbot' },
    });
  });

  // en-native.html: <label for="expire">API expiration time</label> <select id="expire">, "90 days" chosen.
  // controlFor takes the <label for> target, the <select>, for the expiry's switch, and a <select> is never "on".
  test('an expiry chosen in a <select> named by <label for> is read', async () => {
    const page = await open('en-native.html');
    expect(page.read()?.keyExpiryDays).toBe(90);
  });
});

describe('KuCoin key list "API Management", 2023', () => {
  test('each card reads as name, permissions and IP binding; "No" is not bound', async () => {
    const page = await open('list-2023.html');
    expect(readKeyList(page.document.body, kucoin).map((listed) => listed.entry)).toEqual(
      EXPECTED['list-2023.html']!.keys,
    );
  });

  test('no listed key value is read, not even its first character', async () => {
    const page = await open('list-2023.html');
    const reads = reportReads(page.document.body, /CANARY-APIKEY-/);
    expect(readKeyList(page.document.body, kucoin)).toHaveLength(3);
    expect(reads).toEqual([]);
  });

  test('the list page holds no key form, and is no success view', async () => {
    const page = await open('list-2023.html');
    expect(page.form()).toBeUndefined();
    expect(findSuccessView(page.document.body, kucoin)).toBeUndefined();
  });
});

describe("KuCoin's own rules", () => {
  const on: EvaluationContext = {
    purpose: 'trading-bot',
    rotationDays: 20,
    exchangeName: kucoin.name,
    rules: kucoin.rules,
  };

  test.each([
    ['spot', ['read', 'trade']],
    ['margin', ['read', 'margin']],
    ['futures', ['read', 'futures']],
  ] as const)('an unbound %s key: KuCoin removes it after 30 days without use', (_name, permissions) => {
    const f = findingOf(
      'exchange.unbound-expiry',
      snapshot({ exchange: 'kucoin', permissions: [...permissions], ipEntries: [] }),
      on,
    );
    expect(f?.title).toBe('KuCoin will remove this key after 30 days without use');
    expect(f?.why).toContain('deleted');
  });

  test("General alone, an IP-bound key or a third-party app's key: no such rule", () => {
    expect(
      findingOf('exchange.unbound-expiry', snapshot({ exchange: 'kucoin', ipEntries: [] }), {
        ...on,
        purpose: 'read-only',
      }),
    ).toBeUndefined();
    expect(
      findingOf('exchange.unbound-expiry', snapshot({ exchange: 'kucoin', permissions: ['read', 'trade'] }), on),
    ).toBeUndefined();
    const partner = snapshot({
      exchange: 'kucoin',
      permissions: ['read', 'trade'],
      ipEntries: [],
      ipFieldFound: false,
      partnerBinding: { choice: 'Link Third-Party Applications', partner: 'hummingbot' },
    });
    expect(findingOf('exchange.unbound-expiry', partner, on)).toBeUndefined();
  });
});
