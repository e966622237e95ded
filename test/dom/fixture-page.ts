import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window as PageWindow } from 'happy-dom';
import { findKeyForm, readForm } from '../../src/content/read/read-form';
import type { KeyFormSnapshot } from '../../src/core/types';
import { adapterById } from '../../src/exchanges';
import type { ExchangeAdapter } from '../../src/exchanges/adapter';

// Replica pages of any exchange (test/fixtures/<exchange>/, format in test/fixtures/okx/README.md) loaded in their
// own happy-dom window with their inline scripts on, and driven as a user drives them. Our own fixture files are the
// only scripts evaluated.

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern into an asset URL.
export const FIXTURES = join(import.meta.dirname, '../fixtures');

/** One entry of a fixture folder's expected.json. */
export interface Expectation {
  url: string;
  open?: string;
  snapshot: KeyFormSnapshot | null;
}

export function expectations(exchange: string): Record<string, Expectation> {
  return JSON.parse(readFileSync(join(FIXTURES, exchange, 'expected.json'), 'utf8'));
}

/** The adapter by id, failing the test when there is none. */
export function adapterFor(id: string): ExchangeAdapter {
  const found = adapterById(id);
  if (!found) throw new Error(`no adapter ${id}`);
  return found;
}

/**
 * Every replica page of every fixture folder with an expected.json, as [exchange id, file], found at run time: a new
 * exchange's pages are covered by every test that lists them as soon as they exist.
 */
export function replicaPages(): Array<readonly [string, string]> {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'expected.json')))
    .flatMap((entry) => Object.keys(expectations(entry.name)).map((file) => [entry.name, file] as const));
}

const windows: PageWindow[] = [];

/** Closes every page loaded so far; call it after each test. */
export async function closePages(): Promise<void> {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
}

/** One loaded replica page and what a user does on it. */
export class FixturePage {
  constructor(
    private readonly window: PageWindow,
    readonly document: Document,
    readonly adapter: ExchangeAdapter,
  ) {}

  /** The key form as the content script finds it in the whole page. */
  form(): Element | undefined {
    return findKeyForm(this.document.documentElement, this.adapter);
  }

  /** findKeyForm then readForm; undefined when there is no form. */
  read(): KeyFormSnapshot | undefined {
    const form = this.form();
    return form && readForm(form, this.adapter);
  }

  /** The key form, failing the test when there is none. */
  keyForm(): Element {
    const form = this.form();
    if (!form) throw new Error('findKeyForm found no key form');
    return form;
  }

  /** The innermost element showing exactly this text, as a user would spot it. */
  text(text: string, root: Element = this.document.body): HTMLElement {
    const walker = this.document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue?.trim() === text && node.parentElement && !node.parentElement.closest('script, style'))
        return node.parentElement;
    }
    throw new Error(`no element shows "${text}"`);
  }

  $<T extends Element = HTMLElement>(selector: string): T {
    const element = this.document.querySelector<T>(selector);
    if (!element) throw new Error(`no ${selector}`);
    return element;
  }

  async click(element: HTMLElement): Promise<void> {
    element.click();
    await this.settle();
  }

  /** Clicks the element showing `text` inside the key form. */
  async clickText(text: string): Promise<void> {
    await this.click(this.text(text, this.keyForm()));
  }

  /** Replaces the field's text as typing would, with the input event a React page listens to. */
  async type(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
    field.focus();
    field.value = text;
    field.dispatchEvent(new this.view.Event('input', { bubbles: true }));
    await this.settle();
  }

  async press(element: HTMLElement, key: string): Promise<void> {
    element.focus();
    element.dispatchEvent(new this.view.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    element.dispatchEvent(new this.view.KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
    await this.settle();
  }

  /** Plain links (header, footer, side menu) showing one of these texts. */
  links(...texts: string[]): HTMLAnchorElement[] {
    return Array.from(this.document.querySelectorAll('a[href]')).filter((a): a is HTMLAnchorElement =>
      texts.includes(a.textContent?.trim() ?? ''),
    );
  }

  settle(): Promise<void> {
    return this.window.happyDOM.waitUntilComplete();
  }

  private get view() {
    return this.document.defaultView!;
  }
}

/**
 * A replica page in a happy-dom window of its own, at its exchange address, its inline scripts run and settled.
 * No file or network loading, no navigation. The caller closes it (`window.happyDOM.close()`).
 */
export async function replicaWindow(url: string, html: string): Promise<PageWindow> {
  const window = new PageWindow({
    url: url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  return window;
}

/** Loads `test/fixtures/<exchange>/<file>` at its exchange address; a page with an `open` button is opened. */
export async function loadFixture(adapter: ExchangeAdapter, file: string, { open = true } = {}): Promise<FixturePage> {
  const expectation = expectations(adapter.id)[file];
  if (!expectation) throw new Error(`${file} is not in test/fixtures/${adapter.id}/expected.json`);
  const window = await replicaWindow(expectation.url, readFileSync(join(FIXTURES, adapter.id, file), 'utf8'));
  windows.push(window);
  const page = new FixturePage(window, window.document as unknown as Document, adapter);
  if (expectation.open && open) await page.click(page.text(expectation.open));
  return page;
}
