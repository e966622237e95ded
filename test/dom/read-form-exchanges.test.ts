import { afterEach, describe, expect, test } from 'vitest';
import { readForm } from '../../src/content/read/read-form';
import { closePages, expectations, loadFixture, type FixturePage, adapterFor, replicaPages } from './fixture-page';

// Every replica page of every exchange (test/fixtures/<id>/expected.json) read as the content script reads it, then
// the page shapes that only some exchanges have, changed as a user changes them: Binance's IP-restriction choice and
// key type, Bybit's and Bitget's read-only switch, Gate's and MEXC's per-area read/write, HTX's Read that is always on,
// Coinbase's allowlist rendered on demand, Kraken's long list.

afterEach(closePages);

const adapter = adapterFor;

const PAGES = replicaPages();
const FORM_PAGES = PAGES.filter(([id, file]) => expectations(id)[file]!.snapshot !== null);
/** Pages of the supported exchanges (not the generic adapter's made-up sites), each with a form. */
const EXCHANGE_FORM_PAGES = FORM_PAGES.filter(([id]) => adapter(id).hosts.length > 0);

/** Header and side-menu words that are also permission words somewhere. */
const CHROME_WORDS = [
  'Trade',
  'Spot',
  'Futures',
  'Derivatives',
  'Options',
  'Margin',
  'Transfer',
  'Withdraw',
  'Withdrawal',
  'Withdraw Funds',
  'Deposit Funds',
  'Perpetual Futures',
  'Copy Trading',
  'P2P',
  'View',
  'Enable Withdrawals',
  'Enable Futures',
  '交易',
  '现货',
  '现货交易',
  '合约',
  '永续合约',
  '期权',
  '提现',
  '提币',
];

test('every fixture folder has pages', () => {
  expect(new Set(PAGES.map(([id]) => id)).size).toBeGreaterThanOrEqual(10);
});

describe('each replica reads as its expected snapshot', () => {
  test.each(PAGES)('%s/%s', async (id, file) => {
    const page = await loadFixture(adapter(id), file);
    const expected = expectations(id)[file]!.snapshot;
    if (expected === null) expect(page.form()).toBeUndefined();
    else expect(page.read()).toEqual(expected);
  });
});

describe('what no replica page may leak or miscount', () => {
  test.each(FORM_PAGES)(
    '%s/%s: the canary in the secret field never reaches a snapshot, even when the whole page is read',
    async (id, file) => {
      const page = await loadFixture(adapter(id), file);
      const fields = Array.from(page.document.querySelectorAll<HTMLInputElement>('input, textarea'));
      expect(fields.some((field) => field.value.startsWith('CANARY-'))).toBe(true);
      expect(JSON.stringify(page.read())).not.toContain('CANARY');
      expect(JSON.stringify(readForm(page.document.documentElement, page.adapter))).not.toContain('CANARY');
    },
  );

  test.each(EXCHANGE_FORM_PAGES)(
    '%s/%s: header links with permission words are plain links, outside the form found',
    async (id, file) => {
      const page = await loadFixture(adapter(id), file);
      const links = page.links(...CHROME_WORDS);
      expect(links.length).toBeGreaterThan(0);
      const form = page.keyForm();
      for (const link of links) expect(form.contains(link)).toBe(false);
    },
  );
});

/** Loads an exchange's page; the helpers below read it as the content script does. */
async function open(id: string, file: string): Promise<FixturePage> {
  return loadFixture(adapter(id), file);
}

describe('Binance: IP-restriction choice and key type', () => {
  test('"Unrestricted" binds no IP though the hidden field still holds 8.8.8.8; "Restrict access" shows and reads it', async () => {
    const page = await open('binance', 'en-native.html');
    expect(page.$<HTMLTextAreaElement>('#ip-list').value).toBe('8.8.8.8');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
    await page.clickText('Restrict access to trusted IPs only (Recommended)');
    expect(page.$('#ip-box').hidden).toBe(false);
    expect(page.read()?.ipEntries).toEqual(['8.8.8.8']);
    await page.type(page.$('#ip-list'), '8.8.8.8, 1.1.1.1');
    expect(page.read()?.ipEntries).toEqual(['8.8.8.8', '1.1.1.1']);
    await page.clickText('Unrestricted (Less Secure)');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
  });

  test('choosing HMAC, then RSA, is read as the key type', async () => {
    const page = await open('binance', 'en-native.html');
    await page.clickText('HMAC');
    expect(page.read()?.keyType).toBe('hmac');
    await page.clickText('RSA');
    expect(page.read()?.keyType).toBe('rsa');
  });

  test('each permission box maps to its canonical permission; the symbol whitelist is none', async () => {
    const page = await open('binance', 'en-native.html');
    for (const label of [
      'Enable Margin Loan, Repay & Transfer',
      'Enable Futures',
      'Enable European Options',
      'Permits Universal Transfer',
      'Enable Withdrawals',
      'Enable Symbol Whitelist',
    ]) {
      await page.clickText(label);
    }
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'transfer', 'futures', 'margin', 'options']);
  });

  test('zh: 无限制 hides the IP field and binds nothing; the switches and key-type cards are read', async () => {
    const page = await open('binance', 'zh-switches.html');
    await page.clickText('无限制（有风险）');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
    expect(page.$<HTMLInputElement>('#ip-input').value).toBe('8.8.8.8, 1.1.1.1');
    await page.click(page.$('[aria-labelledby="p-withdraw"]'));
    await page.click(page.$('[aria-labelledby="p-futures"]'));
    await page.press(page.text('Ed25519', page.keyForm()), ' ');
    expect(page.read()).toMatchObject({ permissions: ['read', 'trade', 'futures'], keyType: 'ed25519' });
  });
});

describe('a switch neither on nor off (aria-checked="mixed") counts as on: unknown is never safe', () => {
  test('zh-switches: Withdraw set to "mixed" is still withdraw; set to "false" it is gone', async () => {
    const page = await open('binance', 'zh-switches.html');
    const withdraw = page.$('[aria-labelledby="p-withdraw"]');
    withdraw.setAttribute('aria-checked', 'mixed');
    expect(page.read()?.permissions).toContain('withdraw');
    withdraw.setAttribute('aria-checked', 'false');
    expect(page.read()?.permissions).not.toContain('withdraw');
  });
});

describe('Bybit: Read-Only / Read-Write and permission groups', () => {
  test('Read-Only reads only, though the boxes below stay ticked; Read-Write reads them again', async () => {
    const page = await open('bybit', 'en-native.html');
    await page.clickText('Read-Only');
    expect(page.$<HTMLInputElement>('#groups input').checked).toBe(true);
    expect(page.read()?.permissions).toEqual(['read']);
    await page.clickText('Read-Write');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'futures']);
  });

  test('a box counts as its group: Options › Trade is options, Withdrawal is withdraw, Exchange and Copy Trading trade', async () => {
    const page = await open('bybit', 'en-native.html');
    await page.clickText('Orders');
    await page.clickText('Positions');
    await page.click(page.text('Trade', page.$('#groups')));
    expect(page.read()?.permissions).toEqual(['read']);
    const options = page.$('#groups').children[3]!;
    await page.click(page.text('Trade', options));
    expect(page.read()?.permissions).toEqual(['read', 'options']);
    await page.clickText('Withdrawal');
    await page.clickText('Subaccount Transfer');
    expect(page.read()?.permissions).toEqual(['read', 'withdraw', 'transfer', 'options']);
    await page.clickText('Copy Trading');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'transfer', 'options']);
  });

  test('"No IP restriction" binds nothing though the hidden field still holds 8.8.8.8', async () => {
    const page = await open('bybit', 'en-native.html');
    await page.clickText('No IP restriction');
    expect(page.$<HTMLInputElement>('#ips').value).toBe('8.8.8.8');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
  });

  test('zh: 读写 turns the ticked boxes into permissions; 仅限有权限的 IP renders the IP field, which is then read', async () => {
    const page = await open('bybit', 'zh-custom.html');
    await page.clickText('读写');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'futures']);
    await page.click(page.text('交易', page.$('#groups').children[3]));
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'futures', 'options']);
    await page.clickText('仅限有权限的 IP 访问 OpenAPI');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
    await page.type(page.$('#ip-input'), '8.8.8.8');
    expect(page.read()?.ipEntries).toEqual(['8.8.8.8']);
  });
});

describe('Bitget: Read-only / Read-write', () => {
  test('Read-only reads only; Read-write reads the boxes, P2P is other', async () => {
    const page = await open('bitget', 'en-native.html');
    await page.clickText('Read-only');
    expect(page.read()?.permissions).toEqual(['read']);
    await page.clickText('Read-write');
    await page.clickText('P2P');
    await page.clickText('Wallet transfer');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'transfer', 'futures', 'other']);
  });

  test('zh: 读写 turns 现货 and 提现 on', async () => {
    const page = await open('bitget', 'zh-custom.html');
    await page.clickText('读写');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw']);
  });
});

describe('Gate: each area Read Only or Read and Write', () => {
  test('Read and Write in Withdraw is withdraw; Spot set to Read Only is trade no more', async () => {
    const page = await open('gate', 'en-table.html');
    const row = (area: string) => page.text(area, page.keyForm()).closest('tr')!;
    await page.click(page.text('Read and Write', row('Withdraw')));
    await page.click(page.text('Read Only', row('Spot')));
    expect(page.read()?.permissions).toEqual(['read', 'withdraw', 'futures']);
    await page.click(page.text('Read and Write', row('Loan')));
    await page.click(page.text('Read and Write', row('Earn')));
    expect(page.read()?.permissions).toEqual(['read', 'withdraw', 'futures', 'margin', 'other']);
  });

  test('zh: 读写 in 现货 is trade, 提现 set to 只读 is withdraw no more', async () => {
    const page = await open('gate', 'zh-cards.html');
    const card = (area: string) => page.text(area, page.keyForm()).parentElement!;
    await page.click(page.text('读写', card('现货')));
    await page.click(page.text('只读', card('提现')));
    expect(page.read()?.permissions).toEqual(['read', 'trade']);
  });
});

describe('MEXC: read or write per area', () => {
  test('Write in Contract › Deal is futures; Withdraw, Transfer and Deposit are their own', async () => {
    const page = await open('mexc', 'en-native.html');
    const contract = page.text('Contract', page.keyForm()).parentElement!;
    await page.click(page.text('Write', contract.children[2]));
    await page.clickText('Withdraw');
    await page.clickText('Deposit');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'futures', 'other']);
  });

  test('Read alone is read: unticking Spot Deal Write leaves read only', async () => {
    const page = await open('mexc', 'en-native.html');
    const spot = page.text('Spot', page.keyForm()).parentElement!;
    await page.click(page.text('Write', spot.children[2]));
    expect(page.read()?.permissions).toEqual(['read']);
  });
});

describe('HTX: Read is always on', () => {
  test('clicking the disabled Read-only box changes nothing; Withdraw adds withdraw', async () => {
    const page = await open('htx', 'en-native.html');
    await page.clickText('Read-only');
    await page.clickText('Withdraw');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw']);
  });

  test('zh: 只读 has no control at all and is still read; unticking 交易 leaves read', async () => {
    const page = await open('htx', 'zh-text.html');
    await page.clickText('交易');
    expect(page.read()?.permissions).toEqual(['read']);
  });
});

describe('Coinbase: View, Trade, Transfer and an allowlist under advanced settings', () => {
  test('Transfer sends funds off the platform: it reads as withdraw', async () => {
    const page = await open('coinbase', 'en-details.html');
    await page.clickText('Transfer');
    expect(page.read()?.permissions).toEqual(['read', 'withdraw']);
  });

  test('the allowlist inside a closed <details> is read', async () => {
    const page = await open('coinbase', 'en-details.html');
    await page.type(page.$('#allowlist'), '8.8.8.8');
    expect(page.read()).toMatchObject({ ipEntries: ['8.8.8.8'], ipFieldFound: true });
  });

  test('an allowlist rendered only after "Advanced settings" is unseen before, read after', async () => {
    const page = await open('coinbase', 'en-lazy.html');
    expect(page.read()?.ipFieldFound).toBe(false);
    await page.click(page.$('#advanced'));
    expect(page.read()).toMatchObject({ ipFieldFound: true, ipEntries: [] });
    await page.type(page.$('#allow'), '8.8.8.8');
    await page.click(page.$('[aria-labelledby="s-transfer"]'));
    expect(page.read()).toMatchObject({ permissions: ['read', 'trade', 'withdraw'], ipEntries: ['8.8.8.8'] });
  });
});

describe('Kraken: the long list', () => {
  test('Withdraw Funds is withdraw, Deposit Funds other, Create & Modify Orders trade, Access WebSockets API read', async () => {
    const page = await open('kraken', 'en-native.html');
    await page.clickText('Withdraw Funds');
    await page.clickText('Deposit Funds');
    await page.clickText('Create & Modify Orders');
    await page.clickText('Access WebSockets API');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'other']);
  });

  test('toggles: turning every Query box off and the order boxes off leaves only other', async () => {
    const page = await open('kraken', 'en-toggles.html');
    for (const label of ['Query Funds', 'Create & Modify Orders', 'Cancel/Close Orders']) await page.clickText(label);
    expect(page.read()?.permissions).toEqual(['other']);
  });
});

describe('KuCoin', () => {
  test('Flex Transfer is transfer, Withdrawal withdraw; General stays on', async () => {
    const page = await open('kucoin', 'en-native.html');
    await page.clickText('General');
    await page.clickText('Flex Transfer');
    await page.clickText('Withdrawal');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'transfer']);
  });

  test('zh: Space on 杠杆交易 adds margin', async () => {
    const page = await open('kucoin', 'zh-custom.html');
    await page.press(page.text('杠杆交易', page.keyForm()), ' ');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'futures', 'margin']);
  });
});
