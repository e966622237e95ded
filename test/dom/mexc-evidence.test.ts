import { afterEach, describe, expect, test } from 'vitest';
import { findSuccessView } from '../../src/content/guard/success-view';
import { mexc } from '../../src/exchanges/mexc';
import { reportReads, waitForValue } from './key-list-harness';
import { closePages, loadFixture, type FixturePage } from './fixture-page';

// MEXC's "Create New API Key" as 2022 screenshots of the real page show it (test/fixtures/mexc/README.md,
// create-2022.html): groups Spot, Isolated margin leverage and Futures, each of rows ("Account：", "Trade：", and in Spot
// "Withdraw：", "Transfer：") holding a "Read … information" box and write boxes; "Notes (required)", "Link IP Address
// (optional)"; the "Security verification" dialog open over it; "Created successfully" after "Confirm".

afterEach(closePages);

const open = (): Promise<FixturePage> => loadFixture(mexc, 'create-2022.html');
/** The row of a group ("Spot", "Futures", …) headed by `row` ("Withdraw："). */
const rowOf = (page: FixturePage, group: string, row: string) =>
  page.text(row, page.text(group, page.$('#mx-form')).closest('section')!).closest('.mx-row') as HTMLElement;
/** The write box of a row: its second checkbox. */
const writeBox = (row: HTMLElement) => row.querySelectorAll('input')[1] as HTMLInputElement;

describe('MEXC 2022: rows of read and write boxes', () => {
  test('"Read the deposit/withdrawal information" alone stays read; the Withdraw row\'s write box is withdraw', async () => {
    const page = await open();
    expect(page.read()?.permissions).not.toContain('withdraw');
    await page.click(writeBox(rowOf(page, 'Spot', 'Withdraw：')));
    expect(page.read()?.permissions).toContain('withdraw');
  });

  test("Transfer row's write box is transfer; the margin group's write boxes margin, the futures group's futures", async () => {
    const page = await open();
    const before = page.read()?.permissions;
    expect(before).toEqual(expect.arrayContaining(['transfer', 'margin', 'futures']));
    await page.click(writeBox(rowOf(page, 'Spot', 'Transfer：')));
    expect(page.read()?.permissions).not.toContain('transfer');
    for (const row of ['Account：', 'Trade：'])
      await page.click(writeBox(rowOf(page, 'Isolated margin leverage', row)));
    expect(page.read()?.permissions).not.toContain('margin');
    for (const row of ['Account：', 'Trade：']) await page.click(writeBox(rowOf(page, 'Futures', row)));
    expect(page.read()?.permissions).not.toContain('futures');
  });

  test('every read box alone: read, and nothing unknown', async () => {
    const page = await open();
    for (const box of page.document.querySelectorAll<HTMLInputElement>('.mx-row input'))
      if (box !== box.closest('.mx-row')!.querySelector('input')) box.checked = false;
    const read = page.read();
    expect(read?.permissions).toEqual(['read']);
    expect(read?.unknownPermissions).toBeUndefined();
  });

  // The Spot group holds the row headings "Withdraw：" and "Transfer：" (areas of their own) beside its own heading, so
  // for a box in Spot's "Account：" or "Trade：" row the nearest element with headings holds three areas, and areaOf
  // gives up ("headings of different areas are as near"): the boxes come out as unknown instead of trade. A reader
  // fix: in areaOf, leave out headings that sit in a child of that element holding other controls (a sibling row).
  test('a write box in Spot › Account or Spot › Trade is trade (nested areas)', async () => {
    const page = await open();
    const read = page.read();
    expect(read?.permissions).toContain('trade');
    expect(read?.unknownPermissions).toBeUndefined();
  });
});

describe('MEXC 2022: "Created successfully"', () => {
  test('is recognised only after Confirm in the verification, with its Access Key and Secret Key never read', async () => {
    const page = await open();
    const body = page.document.body;
    expect(findSuccessView(body, mexc), 'the form and the verification dialog are not it').toBeUndefined();
    page.$('#verify-ok').click();
    await waitForValue(() => page.document.querySelector('#new-secret-key'), 1000);
    const reads = reportReads(body, /CANARY-(APIKEY|SECRET)-/);
    const view = findSuccessView(body, mexc);
    expect(view?.contains(page.$('#new-api-key'))).toBe(true);
    expect(view?.contains(page.$('#new-secret-key'))).toBe(true);
    expect(reads).toEqual([]);
  });

  test('with the view open, the form reads the same: its "Link IP Address" field is not the form\'s', async () => {
    const page = await open();
    const before = page.read();
    page.$('#verify-ok').click();
    await waitForValue(() => page.document.querySelector('#new-secret-key'), 1000);
    expect(page.read()).toEqual(before);
    expect(JSON.stringify(page.read())).not.toContain('CANARY');
  });
});
