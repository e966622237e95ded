import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window as PageWindow } from 'happy-dom';
import { replicaWindow } from './fixture-page';
import { afterEach, describe, expect, test } from 'vitest';
import { saysWhatItIsFor } from '../../src/content/read/form-context';
import { findKeyForm, readForm } from '../../src/content/read/read-form';
import type { KeyFormSnapshot } from '../../src/core/types';
import { ADAPTERS, adapterForHost } from '../../src/exchanges';
import { generic } from '../../src/exchanges/generic';
import { okx } from '../../src/exchanges/okx';

// The generic adapter on pages of sites it has never seen (test/fixtures/generic/README.md): two made-up exchanges'
// key forms it must read, and three pages of the same site with the same words that it must leave alone. Each page
// runs its own inline scripts in its own happy-dom window, as in read-form-okx.test.ts.

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern into an asset URL.
const FIXTURES = join(import.meta.dirname, '../fixtures/generic');

interface Expectation {
  url: string;
  snapshot: KeyFormSnapshot | null;
}

const EXPECTED: Record<string, Expectation> = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
const PAGES = Object.keys(EXPECTED);
const FORMS = PAGES.filter((file) => EXPECTED[file]!.snapshot !== null);
const REFUSED = PAGES.filter((file) => EXPECTED[file]!.snapshot === null);
const CANARY = 'CANARY-PASSPHRASE';

const windows: PageWindow[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

async function load(file: string): Promise<Document> {
  const window = await replicaWindow(EXPECTED[file]!.url, readFileSync(join(FIXTURES, file), 'utf8'));
  windows.push(window);
  return window.document as unknown as Document;
}

const formIn = (document: Document) => findKeyForm(document.documentElement, generic);
const read = (document: Document) => {
  const form = formIn(document);
  return form && readForm(form, generic);
};

/** The innermost element showing exactly this text. */
function text(document: Document, wanted: string): HTMLElement {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.trim() === wanted && node.parentElement && !node.parentElement.closest('script, style, a'))
      return node.parentElement;
  }
  throw new Error(`no element shows "${wanted}"`);
}

function $<T extends Element = HTMLElement>(document: Document, selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

async function type(document: Document, field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  field.value = value;
  field.dispatchEvent(new document.defaultView!.Event('input', { bubbles: true }));
}

describe('the registry: generic is an adapter with no hosts, used only where no exchange matches', () => {
  test('it is registered, contributes no host, and adapterForHost still knows nothing of other sites', () => {
    expect(ADAPTERS).toContain(generic);
    expect(generic.hosts).toEqual([]);
    expect(adapterForHost('zenith-exchange.example')).toBeUndefined();
    expect(adapterForHost('www.okx.com')).toBe(okx);
  });

  test('any path of a guarded site may hold the form; generic claims no exchange rule', () => {
    expect(['/', '/account/api', '/zh/user/api'].every((path) => generic.keyPagePath.test(path))).toBe(true);
    expect(generic.rules).toEqual({});
  });
});

describe('each page of a site KeyScope has never seen reads as expected', () => {
  test.each(FORMS)('%s: the key form is found and read', async (file) => {
    const document = await load(file);
    expect(read(document)).toEqual(EXPECTED[file]!.snapshot);
  });

  test.each(REFUSED)('%s: no key form is found', async (file) => {
    const document = await load(file);
    expect(formIn(document)).toBeUndefined();
  });

  test.each(PAGES.filter((file) => file !== 'blog-api-keys.html'))(
    '%s: the password canary never reaches a snapshot',
    async (file) => {
      const document = await load(file);
      const secrets = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="password"]'));
      expect(secrets.some((input) => input.value.startsWith(CANARY))).toBe(true);
      expect(JSON.stringify(read(document) ?? null)).not.toContain(CANARY);
      expect(JSON.stringify(readForm(document.documentElement, generic))).not.toContain(CANARY);
    },
  );

  test.each(FORMS)('%s: the header\'s "Trade"/"交易" link stays outside the form found', async (file) => {
    const document = await load(file);
    const links = Array.from(document.querySelectorAll('header a')).filter((a) =>
      ['Trade', '交易'].includes(a.textContent?.trim() ?? ''),
    );
    expect(links).toHaveLength(1);
    expect(formIn(document)!.contains(links[0]!)).toBe(false);
  });
});

describe('zenith-en.html: native checkboxes, IP whitelist textarea', () => {
  test('ticking Withdrawals and Futures adds withdraw and futures; the form is the <form>', async () => {
    const document = await load('zenith-en.html');
    expect(formIn(document)?.id).toBe('zx-key-form');
    text(document, 'Withdrawals').click();
    text(document, 'Futures').click();
    expect(read(document)?.permissions).toEqual(['read', 'trade', 'withdraw', 'futures']);
  });

  test('typed addresses appear as typed; the passphrase and the label field stay out of the IP entries', async () => {
    const document = await load('zenith-en.html');
    await type(document, $(document, '#zx-ips'), '203.0.113.10\n2001:db8::7 ');
    expect(read(document)).toMatchObject({ ipEntries: ['203.0.113.10', '2001:db8::7'], keyName: 'zenith-bot' });
  });

  test('a form with a single permission checkbox is not enough', async () => {
    const document = await load('zenith-en.html');
    for (const label of ['Spot trading', 'Withdrawals', 'Futures']) text(document, label).remove();
    expect(formIn(document)).toBeUndefined();
    expect(findKeyForm(document.documentElement, { ...generic, recognition: undefined })).toBeDefined();
  });
});

describe('lumen-zh.html: switches, and only the heading says what the form is for', () => {
  test('clicking the 现货交易 switch adds trade; 读取 (aria-disabled) stays on', async () => {
    const document = await load('lumen-zh.html');
    $(document, '.lm-switch-row:nth-of-type(2) [role="switch"]').click();
    $(document, '.lm-switch-row:nth-of-type(1) [role="switch"]').click();
    expect(read(document)?.permissions).toEqual(['read', 'trade', 'withdraw']);
  });

  test('without the heading "新建 API 密钥" above it the same form is not taken for a key form', async () => {
    const document = await load('lumen-zh.html');
    expect(formIn(document)?.id).toBe('lm-form');
    $(document, '.lm-title').textContent = '新建';
    expect(formIn(document)).toBeUndefined();
  });
});

describe('settings.html: permission words on notification toggles, and a login IP whitelist', () => {
  test('an exchange\'s rules alone would take it for a key form; the generic one does not, for want of "API"', async () => {
    const document = await load('settings.html');
    const withoutRecognition = findKeyForm(document.documentElement, { ...generic, recognition: undefined });
    expect(withoutRecognition?.tagName).toBe('MAIN');
    expect(readForm(withoutRecognition!, generic).permissions).toEqual(['trade', 'withdraw']);
    expect(formIn(document)).toBeUndefined();
  });

  test('the header\'s "API" link is outside the settings and does not count', async () => {
    const document = await load('settings.html');
    expect(document.querySelector('header')!.textContent).toContain('API');
    $(document, 'main h1').textContent = 'API key settings';
    expect(formIn(document)?.tagName).toBe('MAIN');
  });
});

describe('what counts as saying "API key"', () => {
  const terms = generic.recognition!.requiredContext;
  const fragment = (html: string) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.replaceChildren(host);
    return host.querySelector('[data-form]')!;
  };

  test.each([
    ['<div data-form><label>API key name</label></div>', true],
    ['<div data-form><span>Create an API-Key</span></div>', true],
    ['<div data-form><span>API密钥备注</span></div>', true],
    ['<div data-form><span>资金密钥</span></div>', true],
    ['<div data-form><span>Capital and rapid withdrawals</span></div>', false],
    ['<div data-form><span>Therapist notes</span></div>', false],
    ['<h2>New API key</h2><div><div data-form><span>Name</span></div></div>', true],
    ['<div data-form><span>Name</span></div><h2>New API key</h2>', false],
    ['<div role="dialog" aria-label="Create API key"><div data-form><span>Name</span></div></div>', true],
    [
      '<div role="dialog" aria-labelledby="t"><p id="t">Create API key</p><div data-form><span>Name</span></div></div>',
      true,
    ],
    ['<div data-form><textarea>API</textarea><script>"API"</script></div>', false],
    [
      `<div data-form><p>${'An article paragraph long enough to be no label at all, which mentions the API only in passing. '.repeat(2)}</p></div>`,
      false,
    ],
  ])('%s → %s', (html, expected) => {
    expect(saysWhatItIsFor(fragment(html), terms)).toBe(expected);
  });
});
