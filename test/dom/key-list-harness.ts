import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window as PageWindow } from 'happy-dom';
import { replicaWindow } from './fixture-page';
import { vi } from 'vitest';
import type { ListedKey } from '../../src/core/key-list-flags';
import type { KeyFormSnapshot } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { Envelope, MessageName, Request, Response } from '../../src/messages';

// Shared by the key-list and success-view tests: the OKX replica pages (test/fixtures/okx/README.md), loaded either
// in a window of their own (to read them as the readers do) or into the test's document (to run the guard on them,
// which works on the global document as it does in the browser), with a stand-in background answering `send`.

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern into an asset URL.
export const FIXTURES = join(import.meta.dirname, '../fixtures/okx');

export interface Expectation {
  url: string;
  open?: string;
  submit?: string;
  dismiss?: string;
  snapshot: KeyFormSnapshot | null;
  keys: ListedKey[];
}

export const EXPECTED: Record<string, Expectation> = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
export const PAGES = Object.keys(EXPECTED);
/** Every canary of the replicas: API keys and secrets on the list and in the success view, and passphrases. */
export const CANARY = /CANARY-/;

export function html(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** A replica in a happy-dom window of its own, its inline scripts running. Close it with `window.happyDOM.close()`. */
export async function pageWindow(file: string): Promise<{ window: PageWindow; document: Document }> {
  const window = await replicaWindow(EXPECTED[file]?.url ?? 'https://www.okx.com/account/my-api', html(file));
  return { window, document: window.document as unknown as Document };
}

/**
 * Loads a replica into the test's own document and runs its inline script there (the test environment's global
 * scope, as the page's own scope would be): the guard under test observes this document.
 */
export function loadIntoDocument(file: string): void {
  const source = html(file);
  const head = /<head>([\s\S]*?)<\/head>/.exec(source)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(source)?.[1] ?? '';
  const scripts = [...body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
  document.head.innerHTML = head;
  document.body.innerHTML = body.replace(/<script>[\s\S]*?<\/script>/g, '');
  // Test code only: the replica's own script, as the browser would run it.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own fixture's inline script, run as a page would
  new Function(scripts)();
}

/** The innermost element showing exactly this text (outside scripts), as a user would spot it. */
export function byText(text: string, root: ParentNode = document.body): HTMLElement {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.trim() === text && node.parentElement && !node.parentElement.closest('script, style'))
      return node.parentElement;
  }
  throw new Error(`no element shows "${text}"`);
}

/**
 * Retries an assertion (a callback that throws while the condition does not hold: `expect(…)`) until it passes or
 * `timeout` ms have gone, then throws its last error. What it returns is not looked at: to wait for a value (an
 * element, a true), use {@link waitForValue}, which does not take `undefined` or `null` for success.
 */
export async function waitFor(assertion: () => unknown, timeout = 2000): Promise<void> {
  await retry(assertion, timeout);
}

/** Retries until `get` gives a value (not undefined, null or false) and returns it; throws after `timeout` ms. */
export async function waitForValue<T>(get: () => T | undefined | null | false, timeout = 2000): Promise<T> {
  return retry(() => {
    const value = get();
    if (value === undefined || value === null || value === false)
      throw new Error(`still ${String(value)} after ${timeout} ms`);
    return value;
  }, timeout);
}

async function retry<T>(attempt: () => T, timeout: number): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Handler<K extends MessageName> = (payload: Request<K>) => Response<K> | Promise<Response<K>>;
export type Handlers = { [K in MessageName]?: Handler<K> };

/**
 * A stand-in background: `chrome.runtime.sendMessage` answers with the given handlers (unknown messages get
 * `undefined`, as fire-and-forget ones do; `settings:get` the default settings, as a fresh profile's background
 * does). Every message sent is kept, for the canary checks.
 */
export function fakeBackground(given: Handlers) {
  const handlers: Handlers = { 'settings:get': () => DEFAULT_SETTINGS, ...given };
  const sent: Envelope[] = [];
  const sendMessage = vi.fn(async (message: unknown) => {
    const envelope = message as Envelope;
    sent.push(envelope);
    const handler = handlers[envelope.type] as ((payload: unknown) => unknown) | undefined;
    return handler ? handler(envelope.payload) : undefined;
  });
  (globalThis as { chrome?: unknown }).chrome = { runtime: { sendMessage } };
  return {
    sent,
    sendMessage,
    /** Payloads of one message name, in order. */
    of<K extends MessageName>(type: K): Array<Request<K>> {
      return sent.filter((m) => m.type === type).map((m) => m.payload as Request<K>);
    },
    uninstall() {
      delete (globalThis as { chrome?: unknown }).chrome;
    },
  };
}

/** Everything KeyScope put on the page: hosts' attributes and their shadow roots' text, for canary checks. */
export function keyScopeOutput(): string {
  const hosts = Array.from(document.querySelectorAll('[data-keyscope-overlay], [data-keyscope-key-flag]'));
  return hosts
    .map((host) => {
      const attributes = Array.from(host.attributes)
        .map((a) => `${a.name}=${a.value}`)
        .join(' ');
      return `${attributes}\n${host.shadowRoot?.textContent ?? ''}`;
    })
    .join('\n');
}

/**
 * Makes every text node under `root` whose text matches `pattern` report any read of its text: the `data`,
 * `nodeValue`, `textContent` and `wholeText` getters and `substringData`. Returns the log of reads; `length` is
 * not a read (it says how long the text is, not what it says).
 */
export function reportReads(root: Node, pattern: RegExp): string[] {
  const log: string[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: CharacterData[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (pattern.test(node.nodeValue ?? '')) nodes.push(node as CharacterData);
  for (const node of nodes) {
    const text = node.nodeValue ?? '';
    const report = (how: string) => log.push(`${how} of "${text.slice(0, 24)}…"`);
    for (const property of ['data', 'nodeValue', 'textContent', 'wholeText']) {
      Object.defineProperty(node, property, { configurable: true, get: () => (report(property), text) });
    }
    const substringData = node.substringData.bind(node);
    node.substringData = (offset: number, count: number) => (
      report(`substringData(${offset}, ${count})`),
      substringData(offset, count)
    );
  }
  if (nodes.length === 0) throw new Error(`no text matches ${pattern}`);
  return log;
}
