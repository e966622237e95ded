import { afterEach, describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { exchangeDeadlineDays } from '../../src/core/rotation';
import { isKeyPage } from '../../src/exchanges';
import { bitget } from '../../src/exchanges/bitget';
import { coinbase } from '../../src/exchanges/coinbase';
import { gate } from '../../src/exchanges/gate';
import { findingOf, snapshot } from '../unit/helpers';
import { closePages, loadFixture } from './fixture-page';

// Bitget, Gate and Coinbase as the evidence of December 2026 shows them: Bitget's 2025 dialog (screenshots), Gate's
// 2023 form with "Bind IP" / "Later" and its 90-day rule for unbound keys, Coinbase's CDP page at /access/api.

afterEach(closePages);

describe('Bitget en-2025.html', () => {
  test('"Select API key type" alone is no key form; "System-generated API key" opens it', async () => {
    const page = await loadFixture(bitget, 'en-2025.html', { open: false });
    expect(page.form()).toBeUndefined();
    await page.click(page.text('System-generated API key'));
    expect(page.read()?.keyName).toBe('Test Key');
  });

  test('"Select all" unticked leaves only reading, and is itself nothing unknown; "Orders" under "Futures" is futures', async () => {
    const page = await loadFixture(bitget, 'en-2025.html');
    await page.clickText('Select all');
    expect(page.read()).toMatchObject({ permissions: ['read'] });
    expect(page.read()?.unknownPermissions).toBeUndefined();
    await page.clickText('Orders');
    expect(page.read()?.permissions).toEqual(['read', 'futures']);
    await page.clickText('Withdraw');
    expect(page.read()?.permissions).toEqual(['read', 'withdraw', 'futures']);
  });

  test("each group's box counts as its group: Margin › Trade is margin, Wallet › Transfer transfer", async () => {
    const page = await loadFixture(bitget, 'en-2025.html');
    await page.clickText('Select all');
    const group = (heading: string) => page.text(heading, page.keyForm()).parentElement!;
    await page.click(page.text('Trade', group('Margin')));
    await page.click(page.text('Transfer', group('Wallet')));
    expect(page.read()?.permissions).toEqual(['read', 'transfer', 'margin']);
  });

  test('"Read-only" reads only, though the boxes stay ticked', async () => {
    const page = await loadFixture(bitget, 'en-2025.html');
    await page.clickText('Read-only');
    expect(page.read()?.permissions).toEqual(['read']);
  });
});

describe('Gate en-rows-2023.html', () => {
  const row = (page: Awaited<ReturnType<typeof loadFixture>>, name: string) =>
    page.text(name, page.keyForm()).parentElement!;

  test('"Later" binds nothing though the hidden box holds 8.8.8.8; "Bind IP" shows it and reads it', async () => {
    const page = await loadFixture(gate, 'en-rows-2023.html');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
    await page.clickText('Bind IP');
    expect(page.read()).toMatchObject({ ipEntries: ['8.8.8.8'], ipFieldFound: true });
    await page.clickText('Later');
    expect(page.read()?.ipEntries).toEqual([]);
  });

  test('the newer rows: TradFi is futures, Alpha trade, Withdraw withdraw; Unified loan back to Read Only is margin no more', async () => {
    const page = await loadFixture(gate, 'en-rows-2023.html');
    for (const name of ['Spot/Margin Trade', 'Perpetual Contract', 'Unified loan'])
      await page.click(page.text('Read Only', row(page, name)));
    expect(page.read()?.permissions).toEqual(['read']);
    await page.click(page.text('Read And Write', row(page, 'TradFi')));
    expect(page.read()?.permissions).toEqual(['read', 'futures']);
    await page.click(page.text('Read And Write', row(page, 'Alpha')));
    await page.click(page.text('Read And Write', row(page, 'Withdraw')));
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'futures']);
  });

  test('the key version and account type are choices, not permissions', async () => {
    const page = await loadFixture(gate, 'en-rows-2023.html');
    await page.clickText('Portfolio Margin Account');
    await page.clickText('API v2 Key');
    const read = page.read()!;
    expect(read.permissions).toEqual(['read', 'trade', 'futures', 'margin']);
    expect(read.unknownPermissions).toBeUndefined();
  });

  test('paths: the profile page, api_key_manage and the older apikeys, with or without a locale', () => {
    for (const path of [
      '/myaccount/profile/api-key/manage',
      '/myaccount/api_key_manage',
      '/zh/myaccount/api_key_manage',
      '/myaccount/apikeys',
    ]) {
      expect(isKeyPage(gate, path), path).toBe(true);
    }
    expect(isKeyPage(gate, '/myaccount/api_key_manage_docs')).toBe(false);
  });

  test('an unbound key: Gate expires it 90 days after creation, whatever its permissions; a bound one, never', () => {
    const on = { purpose: 'read-only', rotationDays: 30, exchangeName: gate.name, rules: gate.rules } as const;
    const f = findingOf('exchange.unbound-expiry', snapshot({ exchange: 'gate', ipEntries: [] }), on);
    expect(f?.title).toBe('Gate will remove this key 90 days after creation');
    expect(exchangeDeadlineDays(gate.rules, ['read'], false)).toBe(90);
    expect(findingOf('exchange.unbound-expiry', snapshot({ exchange: 'gate' }), on)).toBeUndefined();
  });
});

describe('Coinbase access-api.html', () => {
  test('the page at /access/api is the key page; the old /projects/api-keys still is', () => {
    expect(isKeyPage(coinbase, '/access/api')).toBe(true);
    expect(isKeyPage(coinbase, '/projects/api-keys')).toBe(true);
    expect(isKeyPage(coinbase, '/access/wallets')).toBe(false);
  });

  test('the signature algorithm is the key type; neither gets a key-type finding', async () => {
    const page = await loadFixture(coinbase, 'access-api.html');
    const on = {
      purpose: 'trading-bot',
      rotationDays: 30,
      exchangeName: coinbase.name,
      rules: coinbase.rules,
    } as const;
    expect(evaluate(page.read()!, on).map((f) => f.id)).not.toContain('exchange.key-type');
    await page.clickText('Ed25519 (Recommended)');
    expect(page.read()?.keyType).toBe('ed25519');
  });

  test('"Advanced Settings" closed: the allowlist is still read; Transfer is withdraw', async () => {
    const page = await loadFixture(coinbase, 'access-api.html');
    await page.click(page.text('Advanced Settings'));
    expect(page.$('#advanced').hidden).toBe(true);
    await page.clickText('Transfer');
    expect(page.read()).toMatchObject({ ipEntries: ['8.8.8.8'], permissions: ['read', 'trade', 'withdraw'] });
  });
});
