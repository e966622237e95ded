import { afterEach, expect, test } from 'vitest';
import { binance } from '../../src/exchanges/binance';
import { closePages, loadFixture } from './fixture-page';

// Binance sets permissions and IPs after creation, on the key's card in the list ("Edit restrictions"): every card
// shows its restrictions, disabled, and only the card being edited is a form to guard (test/fixtures/binance/
// edit-restrictions.html).

afterEach(closePages);

test('the list alone is no form: disabled restrictions of listed keys are not guarded', async () => {
  const page = await loadFixture(binance, 'edit-restrictions.html', { open: false });
  expect(page.form()).toBeUndefined();
});

test('editing the second card guards that card alone, named by its title, with its IP binding', async () => {
  const page = await loadFixture(binance, 'edit-restrictions.html', { open: false });
  const second = page.$('#card-tax [data-edit]');
  await page.click(second);
  const form = page.keyForm();
  expect(page.$('#card-tax').contains(form)).toBe(true);
  expect(page.$('#card-grid').contains(form)).toBe(false);
  expect(page.read()).toEqual({
    exchange: 'binance',
    permissions: ['read'],
    ipEntries: ['8.8.8.8'],
    ipFieldFound: true,
    keyName: 'tax-export',
    listedKey: true,
  });
});

test('ticking Withdrawals and choosing "Unrestricted" on the edited card are read as on a creation form', async () => {
  const page = await loadFixture(binance, 'edit-restrictions.html');
  await page.clickText('Enable Withdrawals');
  await page.clickText('Restrict access to trusted IPs only (Recommended)');
  await page.type(page.$<HTMLInputElement>('#ip-grid-list'), '1.1.1.1');
  expect(page.read()).toMatchObject({
    permissions: ['read', 'trade', 'withdraw'],
    ipEntries: ['1.1.1.1'],
    keyName: 'grid-bot',
    listedKey: true,
  });
  // Saving puts the card back in view mode: nothing is edited any more.
  await page.click(page.$('#card-grid [data-save]'));
  expect(page.form()).toBeUndefined();
});

test('the symbol whitelist is a restriction, not an unknown permission', async () => {
  const page = await loadFixture(binance, 'edit-restrictions.html');
  await page.clickText('Enable Symbol Whitelist');
  const read = page.read();
  expect(read?.unknownPermissions).toBeUndefined();
  expect(read?.permissions).toEqual(['read', 'trade']);
});
