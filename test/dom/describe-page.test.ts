import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  describeForm,
  describePage,
  describeText,
  MAX_NODES,
  MAX_TEXT_CHARS,
} from '../../src/content/read/describe-page';
import { descriptionFileName, type PageDescription } from '../../src/content/read/page-description';
import { normalizeLabel } from '../../src/content/read/labels';
import { okx } from '../../src/exchanges/okx';
import {
  closePages,
  expectations,
  FIXTURES,
  loadFixture,
  replicaWindow,
  type FixturePage,
  adapterFor,
  replicaPages,
} from './fixture-page';

// "This page is not read right?": the description a user saves of a page's form area. On every replica page, with a
// canary typed into every field, it holds the form's kinds and short labels and nothing typed, secret or long.

afterEach(closePages);

const adapter = adapterFor;

const PAGES = replicaPages();
const FORM_PAGES = PAGES.filter(([id, file]) => expectations(id)[file]!.snapshot !== null);

const TYPED =
  'input:not([type]), input[type="text"], input[type="search"], input[type="url"], input[type="email"], input[type="tel"], input[type="number"], input[type="password"], textarea';

/** Types `CANARY-TYPED-<n>` into every text, password and textarea field of the page; returns how many. */
async function typeCanaries(page: FixturePage): Promise<number> {
  const fields = Array.from(page.document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TYPED));
  for (const [n, field] of fields.entries()) await page.type(field, `CANARY-TYPED-${n}`);
  return fields.length;
}

/** Every string anywhere in the description, with the key it stands under. */
function strings(value: unknown, key = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

/** The texts of the description: text nodes and text attributes, as shown. */
function texts(description: PageDescription): string[] {
  return strings(description.root)
    .filter(([key]) => ['children', 'aria-label', 'placeholder', 'title', 'alt', 'value'].includes(key))
    .map(([, text]) => text);
}

describe.each(PAGES)('%s/%s', (id, file) => {
  test('nothing typed, secret or long; host and path only', async () => {
    const page = await loadFixture(adapter(id), file);
    const typed = await typeCanaries(page);
    const description = describePage(page.document, page.adapter);
    const json = JSON.stringify(description);
    if (typed > 0)
      expect(
        page.document.body.innerHTML +
          Array.from(page.document.querySelectorAll<HTMLInputElement>(TYPED), (f) => f.value).join(),
      ).toContain('CANARY-TYPED-');
    expect(json).not.toContain('CANARY');
    for (const [, text] of strings(description)) expect(text.length, text).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    const url = new URL(expectations(id)[file]!.url);
    expect(description).toMatchObject({
      keyscope: 'page-description',
      host: url.host,
      path: url.pathname,
      exchange: id,
    });
    expect(description.nodes).toBeLessThanOrEqual(MAX_NODES);
    // The whole page, beyond the form area (key lists with their keys shown, success views), leaks nothing either.
    expect(JSON.stringify(describeForm(page.document.body, url))).not.toContain('CANARY');
  });
});

describe.each(FORM_PAGES)('%s/%s: the form area', (id, file) => {
  test('is the key form, with the permission labels the page shows', async () => {
    const page = await loadFixture(adapter(id), file);
    const description = describePage(page.document, page.adapter);
    expect(description.area).toBe('key-form');
    const shown = new Set(texts(description).map(normalizeLabel));
    const labels = Object.values(page.adapter.labels.permissions)
      .flatMap((list) => list ?? [])
      .map(normalizeLabel);
    expect(labels.filter((label) => shown.has(label)).length).toBeGreaterThan(0);
  });
});

describe('what is left out, and how', () => {
  test('a long text is a marker with no content, never cut; key-like words, IPs, e-mails and account numbers too', () => {
    expect(describeText('Read')).toBe('Read');
    expect(describeText('  IP address\n allowlist ')).toBe('IP address allowlist');
    expect(describeText('x'.repeat(61))).toEqual({ long: true });
    expect(describeText('x'.repeat(60))).toBe('x'.repeat(60));
    expect(describeText('Key: 3f2a9c1e-77b0-4c2d-9e1f-0a1b2c3d4e5f')).toEqual({ secret: true });
    expect(describeText('203.0.113.7')).toEqual({ private: 'ip' });
    expect(describeText('2001:db8::10')).toEqual({ private: 'ip' });
    expect(describeText('me@example.com')).toEqual({ private: 'email' });
    expect(describeText('UID 48210937')).toEqual({ private: 'number' });
    expect(describeText('14 days')).toBe('14 days');
  });

  test('the query and the hash never appear, even on the page at an address carrying them', async () => {
    const window = await replicaWindow(
      'https://www.okx.com/account/my-api?token=CANARY-QUERY#CANARY-HASH',
      readFileSync(join(FIXTURES, 'okx', 'en-native.html'), 'utf8'),
    );
    try {
      const description = describePage(window.document as unknown as Document, okx);
      expect(description).toMatchObject({ host: 'www.okx.com', path: '/account/my-api', area: 'key-form' });
      expect(JSON.stringify(description)).not.toMatch(/CANARY|token|QUERY|HASH/);
    } finally {
      await window.happyDOM.close();
    }
  });

  test('a password field, a field named as a secret and the texts after a secret label keep their kind only', () => {
    document.body.innerHTML = `
      <form id="f">
        <label for="n">Name</label><input id="n" value="my-bot">
        <div><label>API Key</label><div><span>ak-live-7Hq2</span><button aria-label="Copy">Copy</button></div></div>
        <div><label>Secret Key</label><span>sk</span></div>
        <input type="text" name="google2fa" placeholder="6 digits" value="123456">
        <input type="password" placeholder="Passphrase" value="hunter2">
        <textarea placeholder="IP addresses">203.0.113.9</textarea>
        <select><option>Main account</option><option selected>Sub bot</option></select>
        <div contenteditable="true">typed note</div>
        <input type="submit" value="Create">
      </form>`;
    const description = describeForm(document.getElementById('f')!, { host: 'x.example', pathname: '/api' });
    const json = JSON.stringify(description);
    for (const leaked of ['my-bot', 'ak-live', 'hunter2', '123456', '6 digits', '203.0.113.9', 'typed note', '"sk"'])
      expect(json).not.toContain(leaked);
    expect(texts(description)).toEqual(
      expect.arrayContaining(['Name', 'API Key', 'Secret Key', 'IP addresses', 'Main account', 'Sub bot', 'Create']),
    );
    const label = description.root.children![0] as { for?: number };
    const input = description.root.children![1] as { ref?: number };
    expect(label.for).toBe(input.ref);
    expect(json).toContain('"selected":true');
  });

  test('a huge page makes a description of at most MAX_NODES nodes, marked truncated', () => {
    document.body.innerHTML = `<main>${'<div><label><input type="checkbox"> Row</label></div>'.repeat(3000)}</main>`;
    const description = describeForm(document.querySelector('main')!, { host: 'x.example', pathname: '/' });
    expect(description.nodes).toBeLessThanOrEqual(MAX_NODES);
    expect(description.truncated).toBe(true);
  });

  test('the file name carries the host and the local date', () => {
    expect(descriptionFileName({ host: 'www.okx.com' }, new Date(2026, 10, 26, 23, 59))).toBe(
      'keyscope-page-www.okx.com-2026-11-26.json',
    );
    expect(descriptionFileName({ host: 'localhost:8080' }, new Date(2026, 0, 2))).toBe(
      'keyscope-page-localhost-8080-2026-01-02.json',
    );
  });
});

describe('the form area when KeyScope finds no key form', () => {
  test('the smallest element holding the permission labels, else the dialog, the <main>, the body', () => {
    document.body.innerHTML = `<header><a href="/t">Trade</a></header><main><section id="perms"><h3>Permissions</h3>
      <div><span>Read</span><span>Trade</span><span>Withdraw</span></div></section><p>Other</p></main>`;
    expect(describePage(document, okx)).toMatchObject({ area: 'permission-labels', root: { tag: 'section' } });
    document.body.innerHTML =
      '<main><p>Nothing here</p><div role="dialog" aria-label="Create"><p>Loading</p></div></main>';
    expect(describePage(document, okx)).toMatchObject({
      area: 'dialog',
      root: { tag: 'div', attrs: { role: 'dialog', 'aria-label': 'Create' } },
    });
    document.body.innerHTML = '<nav>Menu</nav><main><p>Nothing here</p></main>';
    expect(describePage(document, okx)).toMatchObject({ area: 'main', root: { tag: 'main' } });
    document.body.innerHTML = '<div><p>Nothing here</p></div>';
    expect(describePage(document, okx)).toMatchObject({ area: 'body', root: { tag: 'body' } });
  });

  test('in a flat form, the text right after a key label is left out, the permissions after it are kept', () => {
    document.body.innerHTML = `<form id="f"><label>API key</label><span>AKIA-live-9f8e</span><label>Secret</label><span>s3cr3t</span>
      <label><input type="checkbox" checked> Read</label><label><input type="checkbox"> Trade</label></form>`;
    const description = describeForm(document.getElementById('f')!, { host: 'x.example', pathname: '/api' });
    const json = JSON.stringify(description);
    expect(json).not.toMatch(/AKIA|s3cr3t/);
    expect(texts(description)).toEqual(['API key', 'Secret', 'Read', 'Trade']);
    expect(description.root.children!.filter((child) => (child as { tag?: string }).tag === 'span')).toEqual([
      { tag: 'span', children: [{ secret: true }] },
      { tag: 'span', children: [{ secret: true }] },
    ]);
  });
});
