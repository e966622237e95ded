import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { watchForm, type FormState } from '../../src/content/guard/watch-form';
import { okx } from '../../src/exchanges/okx';

// The guard on a key-page URL before the form exists (its worst case: an SPA still loading next to a live order
// book): the page's mutations must not each start a whole-page search; the form must still be found as soon as it
// arrives, in one piece or in parts.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let controller: AbortController;
let whole: number;

beforeEach(() => {
  controller = new AbortController();
  document.body.replaceChildren();
  whole = 0;
  // A whole-page search walks the text of <body>; the cheap check of added nodes walks only those nodes.
  const create = document.createTreeWalker.bind(document);
  vi.spyOn(document, 'createTreeWalker').mockImplementation((root, ...rest) => {
    if (root === document.body) whole++;
    return create(root, ...rest);
  });
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

/** An order book that replaces its rows and rewrites its prices, `ticks` times. */
async function orderBook(ticks: number): Promise<void> {
  const book = document.createElement('table');
  document.body.append(book);
  for (let i = 0; i < ticks; i++) {
    const row = document.createElement('tr');
    row.innerHTML = `<td>${(65000 + i).toFixed(1)}</td><td>${(i / 7).toFixed(4)}</td>`;
    book.replaceChildren(row);
    (row.firstChild!.firstChild as Text).data = `${65000 - i}.5`;
    await sleep(5);
  }
}

const FORM = `<section><h2>Create API key</h2>
  <label><input type="checkbox" checked> Read</label>
  <label><input type="checkbox"> Trade</label>
  <label for="ip">IP address allowlist</label><textarea id="ip"></textarea></section>`;

function states(): FormState[] {
  const seen: FormState[] = [];
  watchForm(okx, controller.signal, (state) => seen.push(state));
  return seen;
}

test('an order book ticking on a key page with no form starts no whole-page search', async () => {
  const seen = states();
  await sleep(50);
  const before = whole;
  await orderBook(40);
  await sleep(200);
  expect(whole - before).toBe(0);
  expect(seen.filter((s) => s.snapshot)).toHaveLength(0);
});

test('the form arriving later is found, and its snapshot reported', async () => {
  const seen = states();
  await orderBook(5);
  const host = document.createElement('div');
  host.innerHTML = FORM;
  document.body.append(host);
  await vi.waitFor(() => expect(seen.at(-1)?.snapshot?.permissions).toEqual(['read']), { timeout: 2000 });
  expect(whole).toBeGreaterThan(0);
});

test('a form rendered in parts (labels first, then its controls) is found when the controls come', async () => {
  const seen = states();
  const host = document.createElement('div');
  host.innerHTML = FORM;
  const boxes = Array.from(host.querySelectorAll('input'));
  const placeholders = boxes.map((box) => {
    const span = document.createElement('span');
    box.replaceWith(span);
    return span;
  });
  document.body.append(host);
  await sleep(300);
  expect(seen.filter((s) => s.snapshot)).toHaveLength(0);
  placeholders.forEach((span, i) => span.replaceWith(boxes[i]!));
  await vi.waitFor(() => expect(seen.at(-1)?.snapshot?.permissions).toEqual(['read']), { timeout: 2000 });
});
