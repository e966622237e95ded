import type { ExchangeAdapter } from '../../exchanges/adapter';
import { frameBatcher } from './frame-batcher';
import { exactLabel, labelIndex, labelLengthLimit } from '../read/labels';

// The view an exchange shows right after it created a key holds the key and its secret in plain text. It is
// recognised by its short labels alone: text nodes longer than the longest label are skipped by their length,
// unread, so an API key (OKX: 36 characters) or a secret (32) is never read, copied or compared.

type Part = 'created' | 'apiKey' | 'secretKey';

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const OURS = '[data-keyscope-overlay], [data-keyscope-key-flag]';
/** The "API key" and "Secret key" labels of one view sit close together; on other pages they do not. */
const NEAR_LEVELS = 5;

function withinLevels(ancestor: Element, element: Element, levels: number): boolean {
  let node: Element | null = element;
  for (let level = 0; node && level <= levels; level++, node = node.parentElement) if (node === ancestor) return true;
  return false;
}

/**
 * The element showing the exchange's "key created" view, if the page shows one: a "created" heading, or an
 * "API key" label and a "Secret key" label together.
 * Exported for the exchanges' evidence tests: each recorded "key created" page is found without a form to submit.
 */
export function findSuccessView(root: Element, adapter: ExchangeAdapter): Element | undefined {
  const labels = adapter.successView;
  const index = labelIndex<Part>([
    ['created', labels.created],
    ['apiKey', labels.apiKey],
    ['secretKey', labels.secretKey],
  ]);
  const maxLength = labelLengthLimit(index);
  const found: Record<Part, Element[]> = { created: [], apiKey: [], secretKey: [] };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as CharacterData | null; node; node = walker.nextNode() as CharacterData | null) {
    const parent = node.parentElement;
    if (!parent || NOT_TEXT.has(parent.tagName)) continue;
    const part = exactLabel(node, index, maxLength);
    if (part && !parent.closest(OURS)) found[part].push(parent);
  }
  if (found.created[0]) return found.created[0].parentElement ?? found.created[0];
  for (const key of found.apiKey) {
    for (const secret of found.secretKey) {
      let common: Element | null = key;
      while (common && !common.contains(secret)) common = common.parentElement;
      if (common && withinLevels(common, key, NEAR_LEVELS) && withinLevels(common, secret, NEAR_LEVELS)) return common;
    }
  }
  return undefined;
}

/**
 * Calls back when the success view appears (true) and when it goes (false), checked at most once per frame after
 * page changes. Everything stops with the signal.
 */
export function watchSuccessView(
  adapter: ExchangeAdapter,
  signal: AbortSignal,
  onChange: (shown: boolean) => void,
): void {
  let shown = false;
  const check = () => {
    const now = findSuccessView(document.body, adapter) !== undefined;
    if (now === shown) return;
    shown = now;
    onChange(now);
  };
  const schedule = frameBatcher(check, signal);
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect());
  schedule();
}
