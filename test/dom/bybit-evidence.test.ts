import { afterEach, describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { lookalikeOf } from '../../src/core/lookalike';
import { ADAPTERS, adapterForHost, isKeyPage, siteForHost } from '../../src/exchanges';
import { bybit } from '../../src/exchanges/bybit';
import { closePages, loadFixture, type FixturePage } from './fixture-page';

// Bybit as the evidence of December 2026 shows it (test/fixtures/bybit/README.md): the regional sites, the newer
// permission groups, and keys for a third-party application, which have no IP part.

afterEach(closePages);

const open = (file: string): Promise<FixturePage> => loadFixture(bybit, file);
const bot = { purpose: 'trading-bot', rotationDays: 30, exchangeName: bybit.name, rules: bybit.rules } as const;

describe('the regional sites and the testnet', () => {
  const REGIONAL = [
    'www.bybit.eu',
    'www.bybit.nl',
    'www.bybit-tr.com',
    'www.bybit.tr',
    'www.bybit.kz',
    'www.bybitgeorgia.ge',
    'www.bybit.ae',
    'www.bybit.id',
    'testnet.bybit.com',
  ];

  test.each(REGIONAL)("%s: Bybit's, with the key page at /app/user/api-management, and never a look-alike", (host) => {
    expect(adapterForHost(host)).toBe(bybit);
    expect(siteForHost(host)?.id).toBe('bybit');
    expect(isKeyPage(bybit, '/app/user/api-management')).toBe(true);
    expect(lookalikeOf(host, ADAPTERS)).toBeUndefined();
  });

  test('look-alikes of the regional brands are still caught', () => {
    expect(lookalikeOf('www.byb1t.eu', ADAPTERS)?.exchange).toBe('bybit');
    expect(lookalikeOf('bybit-tr.com.secure-login.io', ADAPTERS)?.exchange).toBe('bybit');
    expect(lookalikeOf('bybitgeorgia-support.com', ADAPTERS)?.exchange).toBe('bybit');
  });
});

describe('en-groups-2026.html: the newer groups', () => {
  const only = async (page: FixturePage, ...labels: string[]) => {
    for (const box of page.$('#groups').querySelectorAll<HTMLInputElement>('input:checked')) await page.click(box);
    // The box's own label (a group heading may show the same word: "Earn" › "Earn").
    for (const label of labels)
      await page.click(
        [...page.$('#groups').querySelectorAll<HTMLElement>('label')].find((l) => l.textContent?.trim() === label)!,
      );
    return page.read()?.permissions;
  };

  test.each([
    [['Pay Orders'], ['read', 'withdraw']],
    [['P2P Orders'], ['read', 'trade']],
    [['Convert Orders'], ['read', 'trade']],
    [['Earn'], ['read', 'other']],
    [['Orders'], ['read', 'futures']],
    [['Withdrawal'], ['read', 'withdraw']],
    [['Subaccount Transfer'], ['read', 'transfer']],
  ] as const)('%j alone reads %j', async (labels, permissions) => {
    const page = await open('en-groups-2026.html');
    expect(await only(page, ...labels)).toEqual(permissions);
  });

  test('Read-Only reads only; "Read-Write" itself is nothing unknown', async () => {
    const page = await open('en-groups-2026.html');
    expect(page.read()?.unknownPermissions).toBeUndefined();
    await page.clickText('Read-Only');
    expect(page.read()?.permissions).toEqual(['read']);
  });
});

describe('third-party.html: "Connect to Third-Party Applications"', () => {
  test('another application chosen is named; the key is bound by Bybit, so no IP finding and no 90-day expiry', async () => {
    const page = await open('third-party.html');
    await page.clickText('TradingView');
    const read = page.read()!;
    expect(read.partnerBinding).toEqual({ choice: 'Connect to Third-Party Applications', partner: 'TradingView' });
    const ids = evaluate(read, bot).map((f) => f.id);
    expect(ids).not.toContain('ip.missing');
    expect(ids).not.toContain('form.ip-unreadable');
    expect(ids).not.toContain('exchange.unbound-expiry');
  });

  test('"API Transactions" instead: the IP part is back and read, no partner', async () => {
    const page = await open('third-party.html');
    await page.clickText('API Transactions');
    const read = page.read()!;
    expect(read).toMatchObject({ ipEntries: ['8.8.8.8'], ipFieldFound: true });
    expect(read.partnerBinding).toBeUndefined();
  });
});
