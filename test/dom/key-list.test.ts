import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { guardKeyList } from '../../src/content/guard/key-list';
import { normalizeLabel } from '../../src/content/read/labels';
import { LISTED_KEYS_MAX, parseListedDate, readKeyList } from '../../src/content/read/read-key-list';
import { okx } from '../../src/exchanges/okx';
import type { Reminder } from '../../src/inventory/reminder';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import {
  byText,
  CANARY,
  EXPECTED,
  fakeBackground,
  keyScopeOutput,
  loadIntoDocument,
  PAGES,
  pageWindow,
  reportReads,
  waitFor,
  waitForValue,
  type Handlers,
} from './key-list-harness';
import { userClick } from './user-events';

// The list of existing keys on OKX's API page: read into plain data, flagged inline beside each key, tracked on a
// click. The reader runs on each replica in its own window; the guard runs on the test's document, as a user
// would meet it.

const TODAY = new Date(2026, 10, 26, 12); // 2026-11-26, local time
const FLAG = '[data-keyscope-key-flag]';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

async function open(file: string) {
  const page = await pageWindow(file);
  closers.push(() => page.window.happyDOM.close());
  return page;
}

/** Runs the list guard on a replica loaded into the test's document, with a stand-in background. */
function guard(file: string, handlers: Handlers = {}) {
  loadIntoDocument(file);
  const background = fakeBackground({ 'reminders:tracked-names': () => [], ...handlers });
  const visit = new AbortController();
  closers.push(
    () => visit.abort(),
    () => background.uninstall(),
  );
  guardKeyList(okx, visit.signal, () => TODAY);
  return { background, visit };
}

function flags(): Array<{ name: string; flags: string; tracked: string; text: string }> {
  return Array.from(document.querySelectorAll<HTMLElement>(FLAG)).map((host) => ({
    name: host.getAttribute('data-key-name') ?? '',
    flags: host.getAttribute('data-flags') ?? '',
    tracked: host.getAttribute('data-tracked') ?? '',
    text: host.shadowRoot?.textContent ?? '',
  }));
}

function flagOf(name: string): HTMLElement {
  const host = document.querySelector<HTMLElement>(`${FLAG}[data-key-name="${name}"]`);
  if (!host) throw new Error(`no flag for "${name}"; flags: ${JSON.stringify(flags().map((f) => f.name))}`);
  return host;
}

function button(host: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(host.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no "${text}" button in the flag; it shows: ${host.shadowRoot!.textContent}`);
  return found;
}

describe('each replica page reads as its expected key list', () => {
  test.each(PAGES)('%s', async (file) => {
    const { document: page } = await open(file);
    expect(readKeyList(page.body, okx).map((listed) => listed.entry)).toEqual(EXPECTED[file]!.keys);
  });

  test.each(PAGES.filter((file) => EXPECTED[file]!.open))(
    '%s: with the create form open over it, the list reads the same',
    async (file) => {
      const { window, document: page } = await open(file);
      byText(EXPECTED[file]!.open!, page.body).click();
      await window.happyDOM.waitUntilComplete();
      expect(page.querySelector('[role="dialog"]')).not.toBeNull();
      expect(readKeyList(page.body, okx).map((listed) => listed.entry)).toEqual(EXPECTED[file]!.keys);
    },
  );
});

describe('the key itself is never read', () => {
  test.each(['key-list.html', 'zh-key-list.html'])(
    '%s: no listed API key value is read, not even its first character',
    async (file) => {
      const { document: page } = await open(file);
      const reads = reportReads(page.body, /CANARY-APIKEY-/);
      expect(readKeyList(page.body, okx)).toHaveLength(EXPECTED[file]!.keys.length);
      expect(reads).toEqual([]);
    },
  );

  test('a key shown without a label before it is given up on at its first characters', async () => {
    const { document: page } = await open('key-list.html');
    const value = page.querySelector('article .index_mono__e2')!;
    value.parentElement!.prepend(value); // the value now comes before its "API key" label
    const reads = reportReads(value, /CANARY-APIKEY-/);
    readKeyList(page.body, okx);
    expect(reads.length).toBeLessThanOrEqual(2);
    for (const read of reads) expect(read).toMatch(/^substringData\(\d, 1\)/);
  });

  test('the ListedKey type has no field for key material', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/core/key-list-flags.ts'), 'utf8');
    const start = source.indexOf('export interface ListedKey');
    expect(start).toBeGreaterThan(-1);
    expect(source.slice(start, source.indexOf('}', start))).not.toMatch(
      /secret|passphrase|password|apiKey|keyValue|otp|2fa/i,
    );
  });

  test('no exchange label of a key value is the start of another label: reading one never reads past it', () => {
    const keyValues = okx.keyList.keyValue.map(normalizeLabel);
    const others = [...okx.keyList.name, ...okx.keyList.permissions, ...okx.keyList.ip, ...okx.keyList.created].map(
      normalizeLabel,
    );
    for (const value of keyValues)
      for (const other of others) expect(other.startsWith(value), `"${other}" starts with "${value}"`).toBe(false);
  });
});

describe("labels inside a key's own texts", () => {
  test.each([
    ['a name starting with a label word', '<span>Note taker</span><span>Created 2026-09-14</span>', 'Note taker'],
    [
      '"Created by …" is not a creation date',
      '<span>Created by the desk</span><span>Created 2026-09-14</span>',
      'Created by the desk',
    ],
    ['a labelled name', '<span>Name: tax bot</span><span>Created 2026-09-14</span>', 'tax bot'],
  ])('%s', (_what, head, name) => {
    document.body.innerHTML = `<main><h1>API</h1><section>
      <article><div>${head}</div><dl><div><dt>Permissions</dt><dd>Read</dd></div><div><dt>IP address</dt><dd>8.8.8.8</dd></div></dl></article>
      <article><div><span>other</span></div><dl><div><dt>Permissions</dt><dd>Read</dd></div><div><dt>IP address</dt><dd>8.8.8.8</dd></div></dl></article>
    </section></main>`;
    expect(readKeyList(document.body, okx)[0]?.entry).toEqual({
      name,
      permissions: ['read'],
      ipBound: true,
      created: '2026-09-14',
    });
  });
});

test('a single key in plain divs: its card stops below the page heading, its name is its first text', () => {
  document.body.innerHTML = `<div id="page"><div class="head"><h1>API</h1><button>Create API key</button></div>
    <div class="list"><div class="card"><div class="title">solo-bot</div>
      <div class="row"><div class="k">Permissions</div><div class="v"><span>Read</span><span>Trade</span></div></div>
      <div class="row"><div class="k">IP address allowlist</div><div class="v">未绑定</div></div>
      <div class="row"><div class="k">创建时间</div><div class="v">2026-11-01 08:00:00</div></div>
    </div></div></div>`;
  const listed = readKeyList(document.body, okx);
  expect(listed.map((l) => l.entry)).toEqual([
    { name: 'solo-bot', permissions: ['read', 'trade'], ipBound: false, created: '2026-11-01' },
  ]);
  expect(listed[0]!.card.contains(document.querySelector('h1'))).toBe(false);
});

test(`a page listing ${LISTED_KEYS_MAX + 50} keys: the first ${LISTED_KEYS_MAX} are read (and get a note), no more`, () => {
  const card = (n: number) =>
    `<article><div><span>bot ${n}</span></div><dl><div><dt>Permissions</dt><dd>Read</dd></div><div><dt>IP address</dt><dd>8.8.8.8</dd></div></dl></article>`;
  const count = LISTED_KEYS_MAX + 50;
  document.body.innerHTML = `<main><h1>API</h1><section>${Array.from({ length: count }, (_, n) => card(n)).join('')}</section></main>`;
  const names = readKeyList(document.body, okx).map((listed) => listed.entry.name);
  expect(names).toHaveLength(LISTED_KEYS_MAX);
  expect(names.at(-1)).toBe(`bot ${LISTED_KEYS_MAX - 1}`);
});

describe('dates as OKX could show them', () => {
  test.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01 10:21:09', '2026-03-01'],
    ['2026/7/5 08:00', '2026-07-05'],
    ['2026.12.31', '2026-12-31'],
    ['2025年12月1日', '2025-12-01'],
    ['2025 年 12 月 1 日 10:00', '2025-12-01'],
    ['Aug 3, 2026', '2026-08-03'],
    ['August 3 2026', '2026-08-03'],
    ['3 Aug 2026', '2026-08-03'],
    ['Sept. 30, 2026', '2026-09-30'],
    ['2026-02-30', undefined],
    ['2026-13-01', undefined],
    ['03/01/2026', undefined], // day or month first? Not guessed.
    ['Foo 3, 2026', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseListedDate(text)).toBe(expected);
  });
});

describe('the list guard: flags beside each key', () => {
  test('the rotation interval chosen in the settings is the age at which a key is "old", and what tracking uses', async () => {
    const tracked: Array<{ name: string; rotationDays: number }> = [];
    guard('key-list.html', {
      'settings:get': () => ({ ...DEFAULT_SETTINGS, rotationDays: 60 }),
      'reminder:track': (key) => {
        tracked.push({ name: key.name, rotationDays: key.rotationDays });
        return { name: key.name } as Reminder;
      },
    });
    // portfolio-tracker was created 73 days before TODAY: not old at 90 days, old at 60.
    await waitFor(() => expect(flagOf('portfolio-tracker').getAttribute('data-flags')).toBe('old'));
    expect(flagOf('portfolio-tracker').shadowRoot!.textContent).toContain('Older than 60 days: rotate it');
    expect(flagOf('withdraw-script').getAttribute('data-flags')).toBe('withdraw');
    userClick(button(flagOf('portfolio-tracker'), 'Track this key'));
    await waitFor(() => expect(tracked).toEqual([{ name: 'portfolio-tracker', rotationDays: 60 }]));
  });

  test('every listed key gets its flags; the host sits right after its card', async () => {
    guard('key-list.html');
    await waitFor(() => expect(flags()).toHaveLength(5));
    expect(flags().map(({ name, flags: f }) => [name, f])).toEqual([
      ['portfolio-tracker', ''],
      ['grid-bot', 'old trade-unbound unbound-deadline'],
      ['withdraw-script', 'withdraw'],
      ['legacy-bot', 'trade-unbound unbound-deadline withdraw'],
      ['old-reader', 'old'],
    ]);
    for (const host of document.querySelectorAll(FLAG)) expect(host.previousElementSibling?.tagName).toBe('ARTICLE');
    expect(flagOf('grid-bot').shadowRoot!.textContent).toContain('Trade without IP binding');
    expect(flagOf('grid-bot').shadowRoot!.textContent).toContain('OKX: deleted after 14 idle days without an IP');
    expect(flagOf('grid-bot').shadowRoot!.textContent).toContain('Older than 90 days: rotate it');
    expect(flagOf('withdraw-script').shadowRoot!.textContent).toContain('Withdraw enabled');
    expect(flagOf('portfolio-tracker').shadowRoot!.textContent).toContain('No risk flags');
  });

  test("Chinese table: one flag per row, inside the row's last cell", async () => {
    guard('zh-key-list.html');
    await waitFor(() => expect(flags()).toHaveLength(4));
    expect(flags().map(({ name, flags: f }) => [name, f])).toEqual([
      ['网格机器人', 'old trade-unbound unbound-deadline'],
      ['税务导出', ''],
      ['提币脚本', 'old withdraw'],
      ['旧机器人', 'old trade-unbound unbound-deadline withdraw'],
    ]);
    for (const host of document.querySelectorAll(FLAG))
      expect(host.parentElement?.matches('tr > td:last-child')).toBe(true);
  });

  test('a page without a key list gets no flag and asks the background nothing', async () => {
    const { background } = guard('en-native.html');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelectorAll(FLAG)).toHaveLength(0);
    expect(background.sent).toEqual([]);
  });

  test('"Track this key" sends the key\'s metadata with the interval, then says Tracked', async () => {
    const tracked: string[] = [];
    const { background } = guard('key-list.html', {
      'reminder:track': (key) => {
        tracked.push(key.name);
        return { name: key.name } as Reminder;
      },
    });
    await waitForValue(() => flagOf('grid-bot'));
    expect(flagOf('grid-bot').getAttribute('data-tracked')).toBe('false');
    userClick(button(flagOf('grid-bot'), 'Track this key'));
    await waitFor(() => expect(flagOf('grid-bot').getAttribute('data-tracked')).toBe('true'));
    expect(flagOf('grid-bot').shadowRoot!.textContent).toContain('Tracked');
    expect(() => button(flagOf('grid-bot'), 'Track this key')).toThrow();
    // An unbound Trade key on OKX: 14 days (the exchange deletes it sooner than the 90-day default).
    expect(background.of('reminder:track')).toEqual([
      {
        exchange: 'okx',
        name: 'grid-bot',
        permissions: ['read', 'trade'],
        ipBound: false,
        created: '2026-03-01',
        rotationDays: 14,
      },
    ]);

    userClick(button(flagOf('portfolio-tracker'), 'Track this key'));
    await waitFor(() => expect(flagOf('portfolio-tracker').getAttribute('data-tracked')).toBe('true'));
    expect(background.of('reminder:track')[1]).toEqual({
      exchange: 'okx',
      name: 'portfolio-tracker',
      permissions: ['read'],
      ipBound: true,
      created: '2026-09-14',
      rotationDays: 90,
    });
    // A key without a shown date is tracked without one: the background dates it today.
    userClick(button(flagOf('legacy-bot'), 'Track this key'));
    await waitFor(() => expect(flagOf('legacy-bot').getAttribute('data-tracked')).toBe('true'));
    expect(background.of('reminder:track')[2]).not.toHaveProperty('created');
    expect(tracked).toEqual(['grid-bot', 'portfolio-tracker', 'legacy-bot']);
  });

  test('by keyboard: when "Track this key" gives way to "Tracked", focus stays in the flag and reads Tracked', async () => {
    guard('key-list.html', { 'reminder:track': (key) => ({ name: key.name }) as Reminder });
    await waitForValue(() => flagOf('grid-bot'));
    const track = button(flagOf('grid-bot'), 'Track this key');
    track.focus();
    userClick(track);
    await waitFor(() => expect(flagOf('grid-bot').getAttribute('data-tracked')).toBe('true'));
    await waitFor(() => expect(flagOf('grid-bot').shadowRoot!.activeElement?.textContent).toBe('Tracked'));
  });

  test('keys the inventory already has say Tracked from the start (names compared as the background does)', async () => {
    const { background } = guard('key-list.html', {
      'reminders:tracked-names': () => ['Grid-Bot ', 'withdraw-script'],
    });
    await waitFor(() => expect(flagOf('withdraw-script').getAttribute('data-tracked')).toBe('true'));
    expect(flagOf('grid-bot').getAttribute('data-tracked')).toBe('true');
    expect(flagOf('legacy-bot').getAttribute('data-tracked')).toBe('false');
    expect(background.of('reminders:tracked-names')).toEqual([{ exchange: 'okx' }]);
  });

  test('a failed track says why and offers the button again', async () => {
    let fail = true;
    guard('key-list.html', {
      'reminder:track': (key) => {
        if (fail) return Promise.reject(new Error('Storage quota exceeded'));
        return { name: key.name } as Reminder;
      },
    });
    await waitForValue(() => flagOf('legacy-bot'));
    userClick(button(flagOf('legacy-bot'), 'Track this key'));
    await waitFor(() =>
      expect(flagOf('legacy-bot').shadowRoot!.textContent).toContain(
        'Could not track this key: Storage quota exceeded',
      ),
    );
    expect(flagOf('legacy-bot').getAttribute('data-tracked')).toBe('false');
    fail = false;
    userClick(button(flagOf('legacy-bot'), 'Track this key'));
    await waitFor(() => expect(flagOf('legacy-bot').getAttribute('data-tracked')).toBe('true'));
    expect(flagOf('legacy-bot').shadowRoot!.textContent).not.toContain('Could not');
  });

  test("clicks in the flag stay in the flag: the exchange's card handlers never see them", async () => {
    guard('key-list.html', { 'reminder:track': (key) => ({ name: key.name }) as Reminder });
    await waitForValue(() => flagOf('grid-bot'));
    let seen = 0;
    document.getElementById('key-list')!.addEventListener('click', () => seen++);
    userClick(button(flagOf('grid-bot'), 'Track this key'));
    await waitFor(() => expect(flagOf('grid-bot').getAttribute('data-tracked')).toBe('true'));
    expect(seen).toBe(0);
  });
});

describe('the list guard follows the page', () => {
  test('a React-style re-render (new card nodes) leaves exactly one flag per card, tracked state kept', async () => {
    guard('key-list.html', { 'reminder:track': (key) => ({ name: key.name }) as Reminder });
    await waitFor(() => expect(flags()).toHaveLength(5));
    userClick(button(flagOf('grid-bot'), 'Track this key'));
    await waitFor(() => expect(flagOf('grid-bot').getAttribute('data-tracked')).toBe('true'));
    const before = document.querySelector('article');
    byText('Refresh').click();
    await waitFor(() => expect(document.querySelector('article')).not.toBe(before));
    await waitFor(() => {
      const hosts = Array.from(document.querySelectorAll(FLAG));
      expect(hosts).toHaveLength(5);
      for (const host of hosts) expect(host.previousElementSibling?.tagName).toBe('ARTICLE');
    });
    expect(flagOf('grid-bot').getAttribute('data-tracked')).toBe('true');
  });

  test('deleting a key on the page removes its flag', async () => {
    guard('key-list.html');
    await waitFor(() => expect(flags()).toHaveLength(5));
    const gridBot = byText('grid-bot').closest('article')!;
    byText('Delete', gridBot).click();
    await waitFor(() =>
      expect(flags().map((f) => f.name)).toEqual(['portfolio-tracker', 'withdraw-script', 'legacy-bot', 'old-reader']),
    );
    expect(document.querySelectorAll(FLAG)).toHaveLength(4);
  });

  test('Chinese table rows re-rendered by 删除: flags follow the rows', async () => {
    guard('zh-key-list.html');
    await waitFor(() => expect(flags()).toHaveLength(4));
    byText('删除', byText('网格机器人').closest('tr')!).click();
    await waitFor(() => expect(flags().map((f) => f.name)).toEqual(['税务导出', '提币脚本', '旧机器人']));
  });

  test('a new name on the list asks the background again which keys are tracked; known names do not', async () => {
    let names: string[] = [];
    const { background } = guard('key-list.html', { 'reminders:tracked-names': () => names });
    await waitFor(() => expect(background.of('reminders:tracked-names')).toHaveLength(1));
    byText('Refresh').click();
    byText('Delete', byText('portfolio-tracker').closest('article')!).click();
    await waitFor(() => expect(flags()).toHaveLength(4));
    expect(background.of('reminders:tracked-names')).toHaveLength(1);
    // The exchange renames a key (the user edited it there), and it is already in the inventory under that name.
    names = ['grid-bot-v2'];
    byText('grid-bot').firstChild!.nodeValue = 'grid-bot-v2';
    await waitFor(() => expect(flagOf('grid-bot-v2').getAttribute('data-tracked')).toBe('true'));
    expect(background.of('reminders:tracked-names')).toHaveLength(2);
  });

  test('prices ticking elsewhere on the page start no read of the whole list', async () => {
    guard('key-list.html');
    const ticker = document.createElement('div');
    document.body.append(ticker);
    await waitFor(() => expect(flags()).toHaveLength(5));
    await new Promise((resolve) => setTimeout(resolve, 400));
    let wholePage = 0;
    const create = document.createTreeWalker.bind(document);
    const spy = vi.spyOn(document, 'createTreeWalker').mockImplementation((root, ...rest) => {
      if (root === document.body) wholePage++;
      return create(root, ...rest);
    });
    closers.push(() => spy.mockRestore());
    for (let i = 0; i < 30; i++) {
      ticker.textContent = (65000 + i / 10).toFixed(1);
      ticker.append(document.createElement('span'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(wholePage).toBe(0);
  });

  test('a table whose header renders first and rows later (data arriving) gets its flags when the rows come', async () => {
    loadIntoDocument('zh-key-list.html');
    const body = document.querySelector('tbody')!;
    const rows = Array.from(body.children);
    body.replaceChildren();
    const background = fakeBackground({ 'reminders:tracked-names': () => [] });
    closers.push(() => background.uninstall());
    const visit = new AbortController();
    closers.push(() => visit.abort());
    guardKeyList(okx, visit.signal, () => TODAY);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(flags()).toHaveLength(0);
    for (const row of rows) body.append(row);
    await waitFor(() => expect(flags()).toHaveLength(4));
  });

  test('stopping removes every flag and leaves the page exactly as it was', async () => {
    loadIntoDocument('key-list.html');
    const before = document.body.innerHTML;
    const background = fakeBackground({ 'reminders:tracked-names': () => [] });
    closers.push(() => background.uninstall());
    const visit = new AbortController();
    guardKeyList(okx, visit.signal, () => TODAY);
    await waitFor(() => expect(flags()).toHaveLength(5));
    visit.abort();
    expect(document.querySelectorAll(FLAG)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    // And it stays stopped: a re-render brings no flag back.
    byText('Refresh').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelectorAll(FLAG)).toHaveLength(0);
  });
});

describe('nothing from the page but metadata leaves it', () => {
  test.each(['key-list.html', 'zh-key-list.html'])(
    '%s: no canary in any message or in anything KeyScope shows',
    async (file) => {
      const { background } = guard(file, { 'reminder:track': (key) => ({ name: key.name }) as Reminder });
      const count = EXPECTED[file]!.keys.length;
      await waitFor(() => expect(flags()).toHaveLength(count));
      for (const { name } of EXPECTED[file]!.keys) userClick(button(flagOf(name), 'Track this key'));
      await waitFor(() => expect(flags().every((f) => f.tracked === 'true')).toBe(true));
      expect(background.of('reminder:track')).toHaveLength(count);
      expect(JSON.stringify(background.sent)).not.toMatch(CANARY);
      expect(keyScopeOutput()).not.toMatch(CANARY);
    },
  );
});
