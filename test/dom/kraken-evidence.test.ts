import { afterEach, describe, expect, test } from 'vitest';
import { kraken } from '../../src/exchanges/kraken';
import { closePages, loadFixture, type FixturePage } from './fixture-page';

// Kraken Pro's "API key settings" dialog as a screenshot of the real page shows it (test/fixtures/kraken/README.md,
// pro-dialog.html): three groups of checkboxes, then On/Off switches for WebSocket, IP restriction, key expiration,
// query dates and the nonce window. Read as the content script reads it, changed as a user changes it.

afterEach(closePages);

const open = (): Promise<FixturePage> => loadFixture(kraken, 'pro-dialog.html');
const switchOf = (page: FixturePage, title: string) => page.$(`[aria-labelledby="${page.text(title).id}"]`);

describe('Kraken Pro: the permission groups', () => {
  test('Withdraw is withdraw, Earn transfer, Deposit other; the order boxes trade; Query and the data boxes read', async () => {
    const page = await open();
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'transfer']);
    await page.clickText('Withdraw');
    await page.clickText('Earn');
    await page.clickText('Deposit');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'other']);
    await page.clickText('Create & modify orders');
    await page.clickText('Cancel & close orders');
    await page.clickText('Deposit');
    expect(page.read()?.permissions).toEqual(['read']);
  });

  test('"Query" under Funds alone is read', async () => {
    const page = await open();
    for (const label of [
      'Withdraw',
      'Earn',
      'Query open orders & trades',
      'Query closed orders & trades',
      'Create & modify orders',
      'Cancel & close orders',
      'Query ledger entries',
      'Export data',
    ]) {
      await page.clickText(label);
    }
    expect(page.read()?.permissions).toEqual(['read']);
    await page.clickText('Query');
    expect(page.read()?.permissions).toEqual([]);
  });

  test('the switches below grant nothing: WebSocket, query dates and nonce window on or off, no permission and nothing unknown', async () => {
    const page = await open();
    for (const title of ['WebSocket interface', 'Query start date', 'Query end date', 'Custom nonce window'])
      await page.click(switchOf(page, title));
    const read = page.read();
    expect(read?.permissions).toEqual(['read', 'trade', 'withdraw', 'transfer']);
    expect(read?.unknownPermissions).toBeUndefined();
  });

  test('a box Kraken adds to a group is never absent: unknown by its label, or transfer when it speaks of moving funds', async () => {
    const page = await open();
    const funds = page.text('Funds permissions').parentElement!;
    funds.insertAdjacentHTML(
      'beforeend',
      '<label class="kp-check"><input type="checkbox" checked><span>Borrow</span></label>',
    );
    funds.insertAdjacentHTML(
      'beforeend',
      '<label class="kp-check"><input type="checkbox" checked><span>Transfer to Futures</span></label>',
    );
    const read = page.read();
    expect(read?.unknownPermissions).toEqual(['Borrow']);
    expect(read?.permissions).toEqual(['read', 'trade', 'withdraw', 'transfer']);
    await page.clickText('Earn');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw', 'transfer']);
  });
});

describe('Kraken Pro: key expiration and IP restriction', () => {
  test("Key expiration on with a date 90 days ahead is 90 days; off, the key has no expiry of Kraken's", async () => {
    const page = await open();
    expect(page.read()?.keyExpiryDays).toBe(90);
    await page.click(switchOf(page, 'Key expiration'));
    expect(page.read()?.keyExpiryDays).toBeUndefined();
  });

  test('IP restriction on: the entries typed are read; emptied, none', async () => {
    const page = await open();
    expect(page.read()).toMatchObject({ ipEntries: ['203.0.113.7', '198.51.100.0/24'], ipFieldFound: true });
    await page.type(page.$('#ip-list'), '');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
  });

  // The switch turned off unmounts the field; the heading "IP address restriction" then names the nearest text field
  // left, the nonce window's "200". No adapter label can say "this switch off means unrestricted" (ipUnrestricted is
  // a choice that is ON); the reader would need to read the IP switch's state.
  test("IP restriction off binds no IP (the nonce window's 200 is read as an entry)", async () => {
    const page = await open();
    await page.click(switchOf(page, 'IP address restriction'));
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
  });
});
