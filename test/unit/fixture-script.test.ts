// @vitest-environment happy-dom
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { describePage } from '../../src/content/read/describe-page';
import type { PageDescription } from '../../src/content/read/page-description';
import { findKeyForm, readForm } from '../../src/content/read/read-form';
import type { KeyFormSnapshot } from '../../src/core/types';
import { adapterById } from '../../src/exchanges';
import { buildPage } from '../../scripts/fixture.mjs';
import { closePages, expectations, FIXTURES, loadFixture, replicaWindow } from '../dom/fixture-page';

// `npm run fixture`: a description saved with "This page is not read right?" becomes a replica page and its
// expected.json entry. Round trip: describe a replica, rebuild it from the description alone (into a temporary folder,
// never the tracked tree), and the reader reads the rebuilt page as it reads the original.

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), 'keyscope-fixture-'));

afterEach(closePages);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function fixture(description: PageDescription, ...args: string[]): Promise<{ stdout: string; out: string }> {
  const out = mkdtempSync(join(temp, 'out-'));
  const file = join(out, 'description.json');
  writeFileSync(file, JSON.stringify(description, null, 2));
  const { stdout } = await run(process.execPath, [join(ROOT, 'scripts/fixture.mjs'), file, '--out', out, ...args], {
    cwd: ROOT,
  });
  return { stdout, out };
}

async function describeReplica(
  exchange: string,
  file: string,
): Promise<{ description: PageDescription; snapshot: KeyFormSnapshot | undefined }> {
  const page = await loadFixture(adapterById(exchange)!, file);
  return { description: describePage(page.document, page.adapter), snapshot: page.read() };
}

async function readRebuilt(url: string, html: string, exchange: string): Promise<KeyFormSnapshot | null> {
  const window = await replicaWindow(url, html);
  try {
    const adapter = adapterById(exchange)!;
    const form = findKeyForm(window.document.documentElement as unknown as Element, adapter);
    return form ? readForm(form, adapter) : null;
  } finally {
    await window.happyDOM.close();
  }
}

/** What a description can carry over: values typed (name, IPs in a field) and dates picked are never in it. */
function carried(snapshot: KeyFormSnapshot | null | undefined) {
  if (!snapshot) return snapshot ?? null;
  const { keyName: _name, ipEntries, keyExpiryDays: _expiry, ...rest } = snapshot;
  return rest;
}

const FORM_PAGES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'expected.json')))
  .flatMap((entry) =>
    Object.entries(expectations(entry.name))
      .filter(([, e]) => e.snapshot !== null)
      .map(([file]) => [entry.name, file] as const),
  );

// Every replica with a form, rebuilt in this process (the page builder alone): what the description carries is enough
// for the reader to read the same permissions, unknowns, IP field and choices.
describe.each(FORM_PAGES)('%s/%s, rebuilt from its description', (exchange, file) => {
  test('reads as the original', async () => {
    const { description, snapshot } = await describeReplica(exchange, file);
    const url = expectations(exchange)[file]!.url;
    expect(carried(await readRebuilt(url, buildPage(description, url), exchange))).toEqual(carried(snapshot));
  });
});

const ROUND_TRIPS: Array<[string, string]> = [
  ['okx', 'en-native.html'],
  ['okx', 'en-chips.html'],
  ['binance', 'en-native.html'],
  ['kraken', 'en-toggles.html'],
  ['generic', 'zenith-en.html'],
];

describe.each(ROUND_TRIPS)('%s/%s, described then rebuilt', (exchange, file) => {
  test('reads as the original; the entry says where and what; the page has its canary', async () => {
    const { description, snapshot } = await describeReplica(exchange, file);
    const { stdout, out } = await fixture(description, '--name', 'rebuilt');
    const folder = join(out, exchange);
    const html = readFileSync(join(folder, 'rebuilt.html'), 'utf8');
    const entry = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'))['rebuilt.html'];
    expect(entry.url).toBe(expectations(exchange)[file]!.url);
    const rebuilt = await readRebuilt(entry.url, html, exchange);
    expect(carried(rebuilt)).toEqual(carried(snapshot));
    // The snapshot written is the reader's on the rebuilt page.
    expect(entry.snapshot).toEqual(rebuilt);
    expect(html).toMatch(/<input[^>]* value="CANARY-/);
    expect(JSON.stringify(rebuilt)).not.toContain('CANARY');
    expect(stdout).toContain(`Wrote ${join(folder, 'rebuilt.html')}`);
    expect(stdout).toContain('snapshot');
  });
});

test('OKX en-native.html comes back exactly: same snapshot, name and IP field empty as in the original', async () => {
  const { description, snapshot } = await describeReplica('okx', 'en-native.html');
  const { out } = await fixture(description, '--name', 'again.html', '--exchange', 'okx');
  const entry = JSON.parse(readFileSync(join(out, 'okx', 'expected.json'), 'utf8'))['again.html'];
  expect(entry.snapshot).toEqual(snapshot);
  expect(entry.keys).toBeUndefined();
});

test('an entry is added to an existing expected.json without touching the other entries, and replaced in place', async () => {
  const { description } = await describeReplica('okx', 'zh-custom.html');
  const out = mkdtempSync(join(temp, 'existing-'));
  mkdirSync(join(out, 'okx'));
  const original = readFileSync(join(FIXTURES, 'okx', 'expected.json'), 'utf8');
  copyFileSync(join(FIXTURES, 'okx', 'expected.json'), join(out, 'okx', 'expected.json'));
  const file = join(out, 'description.json');
  writeFileSync(file, JSON.stringify(description));
  const script = join(ROOT, 'scripts/fixture.mjs');
  await run(process.execPath, [script, file, '--out', out, '--name', 'zh-reported'], { cwd: ROOT });
  const added = readFileSync(join(out, 'okx', 'expected.json'), 'utf8');
  expect(added.startsWith(original.slice(0, original.lastIndexOf('}')).trimEnd())).toBe(true);
  const entries = JSON.parse(added);
  expect(entries['zh-reported.html']).toMatchObject({ url: 'https://www.okx.com/zh-hans/account/my-api', keys: [] });
  expect(Object.keys(entries)).toEqual([...Object.keys(JSON.parse(original)), 'zh-reported.html']);

  await run(process.execPath, [script, file, '--out', out, '--name', 'zh-reported'], { cwd: ROOT });
  expect(readFileSync(join(out, 'okx', 'expected.json'), 'utf8')).toBe(added);
});

test('an unknown host goes to generic; a hand-edited description cannot smuggle in a script or a handler', async () => {
  const description: PageDescription = {
    keyscope: 'page-description',
    version: 1,
    host: 'small-exchange.example',
    path: '/api',
    area: 'body',
    nodes: 3,
    root: {
      tag: 'div',
      attrs: { onclick: 'alert(1)', 'aria-label': '"><script>alert(1)</script>' },
      children: [{ tag: 'script', children: ['alert(1)'] }, '<img src=x onerror=alert(1)>'],
    },
  };
  const { out, stdout } = await fixture(description);
  expect(stdout).toContain('exchange generic');
  const [name] = Object.keys(JSON.parse(readFileSync(join(out, 'generic', 'expected.json'), 'utf8')));
  expect(name).toMatch(/^reported-\d{4}-\d{2}-\d{2}\.html$/);
  const html = readFileSync(join(out, 'generic', name!), 'utf8');
  expect(html).not.toContain('onclick');
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<script>alert');
  expect(html.match(/<script>/g)).toHaveLength(1);
  expect(html).toContain('value="CANARY-PASSPHRASE-REPLICA"');
});

test('a file that is not a page description is refused', async () => {
  const file = join(temp, 'not-a-description.json');
  writeFileSync(file, '{"hello": "world"}');
  await expect(
    run(process.execPath, [join(ROOT, 'scripts/fixture.mjs'), file, '--out', temp], { cwd: ROOT }),
  ).rejects.toThrow(/not a KeyScope page description/);
});
