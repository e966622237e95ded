import { afterEach, describe, expect, test } from 'vitest';
import { readKeyList } from '../../src/content/read/read-key-list';
import { findSuccessView } from '../../src/content/guard/success-view';
import { htx } from '../../src/exchanges/htx';
import { reportReads, waitForValue } from './key-list-harness';
import { closePages, expectations, loadFixture, type FixturePage } from './fixture-page';

// Huobi's API page as 2018 screenshots of the real one show it (test/fixtures/htx/README.md, huobi-2018.html): a
// create form with only Notes and Bind IP Address, "Security authentication", "Successfully Create", and the table
// "MyAPI Key". The current HTX wording is unknown; these are the only real words seen.

afterEach(closePages);

const open = (): Promise<FixturePage> => loadFixture(htx, 'huobi-2018.html');
const KEYS = (expectations('htx')['huobi-2018.html'] as unknown as { keys: unknown[] }).keys;

/** Create, then Confirm in "Security authentication": the success view appears 200 ms later. */
async function created(page: FixturePage): Promise<void> {
  page.text('Create').click();
  await page.settle();
  page.$('#auth-ok').click();
  await waitForValue(() => page.document.querySelector('#new-secret-key'), 1000);
}

describe('Huobi 2018: "Successfully Create"', () => {
  test('is recognised after Create and Confirm, never before, and holds the new Access Key and Secret Key', async () => {
    const page = await open();
    const body = page.document.body;
    expect(findSuccessView(body, htx)).toBeUndefined();
    page.text('Create').click();
    await page.settle();
    expect(findSuccessView(body, htx), 'the security check is not it').toBeUndefined();
    page.$('#auth-ok').click();
    await waitForValue(() => page.document.querySelector('#new-secret-key'), 1000);
    const view = findSuccessView(body, htx);
    expect(view?.contains(page.$('#new-api-key'))).toBe(true);
    expect(view?.contains(page.$('#new-secret-key'))).toBe(true);
  });

  test('the key and secret shown are never read, not even a character', async () => {
    const page = await open();
    await created(page);
    const reads = reportReads(page.document.body, /CANARY-(APIKEY|SECRET)-/);
    expect(findSuccessView(page.document.body, htx)).toBeDefined();
    expect(reads).toEqual([]);
  });
});

describe('Huobi 2018: the form and the list', () => {
  test('a form with no permission boxes is no key form KeyScope reads, before and after a key is created', async () => {
    const page = await open();
    expect(page.form()).toBeUndefined();
    await created(page);
    page.$('#created-ok').click();
    expect(page.form()).toBeUndefined();
  });

  test('"MyAPI Key" has no permission column: no key is listed, and no Access Key cell is ever read', async () => {
    const page = await open();
    await created(page);
    page.$('#created-ok').click();
    expect(page.document.querySelectorAll('#keys tr')).toHaveLength(2);
    const reads = reportReads(page.document.body, /CANARY-APIKEY-/);
    expect(readKeyList(page.document.body, htx).map((listed) => listed.entry)).toEqual(KEYS);
    expect(reads).toEqual([]);
  });
});
