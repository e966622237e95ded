import type { ExchangeAdapter } from '../../exchanges/adapter';
import { isSecretField, SECRET } from './controls';
import { normalizeLabel } from './labels';
// The attributes a description keeps, shared with scripts/fixture.mjs, which gives them back to a replica page: token
// attributes whose value matches `tokenPattern`, text attributes described as texts, a button input's caption.
import DESCRIBED from './described-attributes.json';
import { findKeyForm } from './read-form';
import type { AreaKind, DescribedElement, DescribedNode, DescribedText, PageDescription } from './page-description';

// "This page is not read right?": a plain-JSON description of a page's key-form area that a user can save and hand
// over, and that `npm run fixture` turns into a replica page (a regression test). Built on click only.
//
// What it holds: the URL's host and path (never the query or hash); the element tree of the area with each element's
// kind (tag, input type, role), its states (checked, selected, disabled, hidden, aria-checked/-pressed/-selected/
// -current/-expanded), the class names the form reader looks at (check/switch/toggle/tag/chip, checked/active/
// selected/on), label/for and aria-labelledby links as numbers, and the short texts: text nodes, aria-label,
// placeholder, title, a button input's caption.
// What it never holds: a value of an input, textarea, select or contenteditable (a <select>'s options are texts,
// shown, not typed); anything of a password or other secret field (by type, name, id, autocomplete, aria-label or
// placeholder); a text longer than a label ({ long: true } instead, never cut); any text after an API key, secret,
// passphrase or 2FA label in the same field; a word that looks like key material, an IP address, an e-mail address
// or a long number (an account id) — each replaced by a marker saying only what kind of thing was left out.

/**
 * Longer texts are not labels: replaced by `{ long: true }`.
 * Exported with MAX_NODES: tests build texts and pages just over them.
 */
export const MAX_TEXT_CHARS = 60;
/** A huge page never makes a huge file. */
export const MAX_NODES = 2000;
export const MAX_DEPTH = 40;

/**
 * Labels of key material (with {@link SECRET}) whose field's other texts are left out: the key shown beside "API key",
 * a hint about the secret. Only short texts are labels.
 */
const SECRET_LABEL = /^(?:(?:api|access|private|secret) )?key(?: id)?$|code$|密碼|密鑰|金鑰|驗證碼|私[钥鑰]|秘钥/i;
const SECRET_LABEL_MAX = 32;
const SKIPPED =
  'script, style, noscript, template, link, meta, base, [data-keyscope-overlay], [data-keyscope-key-flag]';
/** Kinds described without anything inside. */
const OPAQUE = new Set([
  'svg',
  'math',
  'canvas',
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'frame',
  'object',
  'embed',
  'textarea',
]);
const TOKEN_ATTRS = DESCRIBED.token;
const TEXT_ATTRS = DESCRIBED.text;
const TOKEN = new RegExp(DESCRIBED.tokenPattern);
const READER_CLASS = /check|switch|toggle|tag|chip|selection-item|(^|[-_])(checked|active|selected|on)$/i;
const BUTTON_INPUT = new Set(['submit', 'button', 'reset']);
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/;
const IPV6 = /(?:^|[^\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:$|[^\w:])/i;
const EMAIL = /\S@\S+\.\S/;
const LONG_NUMBER = /\d{6,}/;
/** A word that could be a key or secret: long, one piece, letters and digits. */
const KEY_LIKE = /^[\w+/=.:-]{16,}$/;

/**
 * A short text as described: itself, or the marker of what it is.
 * Exported for test/dom/describe-page.test.ts: what a text becomes, checked text by text without a page.
 */
export function describeText(raw: string): DescribedText | undefined {
  const text = fold(raw);
  if (!text) return undefined;
  if (text.length > MAX_TEXT_CHARS) return { long: true };
  if (text.split(' ').some((word) => KEY_LIKE.test(word) && /\d/.test(word) && /[a-z]/i.test(word)))
    return { secret: true };
  if (IPV4.test(text) || (IPV6.test(text) && (text.includes('::') || (text.match(/:/g)?.length ?? 0) >= 3)))
    return { private: 'ip' };
  if (EMAIL.test(text)) return { private: 'email' };
  if (LONG_NUMBER.test(text)) return { private: 'number' };
  return text;
}

function isSecretLabel(text: string): boolean {
  const label = normalizeLabel(text);
  return label.length <= SECRET_LABEL_MAX && (SECRET.test(label) || SECRET_LABEL.test(label));
}

/**
 * A secret label and what is next to it: the smallest ancestor holding more than the label, when that ancestor is
 * one field's (one text field at most, no choice); in a flat form, the one node right after the label.
 */
interface SecretZone {
  label: Element;
  within: Node[];
}

const FIELD =
  'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable]';
const CHOICE =
  'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="switch"], [role="radio"], [aria-checked]';

function nextNode(node: Node): Node | undefined {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (next.nodeType === Node.ELEMENT_NODE || (next.nodeType === Node.TEXT_NODE && fold(next.nodeValue ?? '')))
      return next;
  }
  return undefined;
}

function zoneOf(label: Element, text: string, root: Element): Node[] {
  let node: Element = label;
  for (let level = 0; level < 5 && node !== root; level++) {
    const parent = node.parentElement;
    if (!parent || !root.contains(parent)) break;
    if (parent.querySelectorAll(FIELD).length > 1 || parent.querySelector(CHOICE)) {
      const next = nextNode(node);
      return next ? [next] : [];
    }
    if (fold(parent.textContent ?? '') !== text || parent.querySelector(`${FIELD}, button`)) return [parent];
    node = parent;
  }
  return [];
}

function secretZones(root: Element): SecretZone[] {
  const zones: SecretZone[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const label = node.parentElement;
    const text = fold(node.nodeValue ?? '');
    if (!label || !text || text.length > MAX_TEXT_CHARS || label.closest(SKIPPED) || !isSecretLabel(text)) continue;
    zones.push({ label, within: zoneOf(label, text, root) });
  }
  return zones;
}

/** Builds one description; the walk keeps count of nodes and the links to resolve once every element is described. */
class Describer {
  nodes = 0;
  truncated = false;
  readonly described = new Map<Element, DescribedElement>();
  private readonly groups = new Map<string, number>();

  constructor(private readonly zones: readonly SecretZone[]) {}

  private afterSecretLabel(node: Node): boolean {
    return this.zones.some(
      ({ label, within }) =>
        within.some((zone) => zone.contains(node)) &&
        !label.contains(node) &&
        (label.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
  }

  private text(raw: string, at: Node): DescribedText | undefined {
    const text = describeText(raw);
    return text !== undefined && this.afterSecretLabel(at) ? { secret: true } : text;
  }

  element(el: Element, depth: number): DescribedElement {
    this.nodes++;
    const tag = el.localName;
    const out: DescribedElement = { tag };
    this.described.set(el, out);
    const attrs: Record<string, DescribedText> = {};
    for (const name of TOKEN_ATTRS) {
      const value = el.getAttribute(name);
      if (value !== null && TOKEN.test(value)) attrs[name] = value;
    }
    if (isSecretField(el)) {
      out.secret = true;
      if (attrs.type !== undefined) out.attrs = { type: attrs.type };
      return out;
    }
    for (const name of TEXT_ATTRS) {
      const value = el.getAttribute(name);
      const text = value === null ? undefined : this.text(value, el);
      if (text !== undefined) attrs[name] = text;
    }
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (tag === 'input' && BUTTON_INPUT.has(type)) {
      const caption = this.text(el.getAttribute(DESCRIBED.buttonCaption) ?? '', el);
      if (caption !== undefined) attrs[DESCRIBED.buttonCaption] = caption;
    }
    if (Object.keys(attrs).length) out.attrs = attrs;
    const classes = Array.from(el.classList)
      .filter((token) => token.length <= 40 && /^[\w-]+$/.test(token) && READER_CLASS.test(token))
      .slice(0, 6);
    if (classes.length) out.class = classes;
    if ((el as HTMLInputElement).checked === true && tag === 'input') out.checked = true;
    if (tag === 'option' && (el as HTMLOptionElement).selected) out.selected = true;
    if (el.hasAttribute('disabled')) out.disabled = true;
    const name = el.getAttribute('name');
    if (tag === 'input' && type === 'radio' && name) {
      if (!this.groups.has(name)) this.groups.set(name, this.groups.size + 1);
      out.group = this.groups.get(name);
    }
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') {
      out.editable = true;
      return out;
    }
    if (OPAQUE.has(tag)) return out;
    if (depth >= MAX_DEPTH) {
      if (el.childNodes.length) {
        out.truncated = true;
        this.truncated = true;
      }
      return out;
    }
    const children = this.children(el, depth);
    if (children.length) out.children = children;
    return out;
  }

  private children(el: Element, depth: number): DescribedNode[] {
    const children: DescribedNode[] = [];
    let run = '';
    let runStart: Node | undefined;
    const flush = () => {
      const text = runStart && this.text(run, runStart);
      if (text !== undefined) {
        this.nodes++;
        children.push(text);
      }
      run = '';
      runStart = undefined;
    };
    for (const child of Array.from(el.childNodes)) {
      if (this.nodes >= MAX_NODES) {
        this.truncated = true;
        break;
      }
      if (child.nodeType === Node.TEXT_NODE) {
        runStart ??= child;
        run += child.nodeValue ?? '';
        continue;
      }
      flush();
      if (child.nodeType !== Node.ELEMENT_NODE || (child as Element).matches(SKIPPED)) continue;
      children.push(this.element(child as Element, depth + 1));
    }
    if (this.nodes < MAX_NODES) flush();
    return children;
  }

  /** Label `for` and `aria-labelledby` links between described elements, as numbers. */
  link(): void {
    let next = 1;
    const refOf = (target: Element | null): number | undefined => {
      const described = target && this.described.get(target);
      if (!described) return undefined;
      described.ref ??= next++;
      return described.ref;
    };
    for (const [el, out] of this.described) {
      const doc = el.ownerDocument;
      const forId = el.localName === 'label' ? el.getAttribute('for') : null;
      const target = forId ? refOf(doc.getElementById(forId)) : undefined;
      if (target !== undefined) out.for = target;
      const named = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => refOf(doc.getElementById(id)));
      const refs = named.filter((ref): ref is number => ref !== undefined);
      if (refs.length) out.labelledBy = refs;
    }
  }
}

/** The path as shown, a segment that looks like an account id or a key replaced by `:id`. */
function describePath(pathname: string): string {
  const decoded = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  };
  return pathname
    .split('/')
    .map((segment) => (typeof describeText(decoded(segment)) === 'object' ? ':id' : segment))
    .join('/');
}

/** The nearest heading before the area (a few levels up, as the generic recognition looks) and the dialog's name. */
function contextOf(root: Element): PageDescription['context'] {
  const context: NonNullable<PageDescription['context']> = {};
  for (let node = root.parentElement, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
    const before = Array.from(node.querySelectorAll(HEADING)).filter(
      (h) =>
        !h.contains(root) &&
        !root.contains(h) &&
        (h.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    const heading = before.at(-1);
    if (heading) {
      const text = describeText(heading.textContent ?? '');
      if (text !== undefined) context.heading = text;
      break;
    }
  }
  const dialog = root.parentElement?.closest(DIALOG);
  if (dialog) {
    const doc = root.ownerDocument;
    const byId = (dialog.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => doc.getElementById(id)?.textContent ?? '');
    const name = describeText(`${dialog.getAttribute('aria-label') ?? ''} ${byId.join(' ')}`);
    if (name !== undefined) context.dialog = name;
  }
  return Object.keys(context).length ? context : undefined;
}

/**
 * Describes the element `root` and what it holds (see the top of this file for what is and is never in it). Only the
 * host and path of `location` are kept.
 * Exported for tests: describes a fixture element as given; describePage first picks the area of a real page.
 */
export function describeForm(
  root: Element,
  location: { host: string; pathname: string },
  area: AreaKind = 'given',
): PageDescription {
  const zones = secretZones(root);
  const describer = new Describer(zones);
  const tree = describer.element(root, 0);
  describer.link();
  const lang = root.ownerDocument.documentElement.getAttribute('lang') ?? '';
  const context = contextOf(root);
  return {
    keyscope: 'page-description',
    version: 1,
    host: location.host,
    path: describePath(location.pathname),
    ...(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) ? { lang } : {}),
    area,
    ...(context ? { context } : {}),
    nodes: describer.nodes,
    ...(describer.truncated ? { truncated: true as const } : {}),
    root: tree,
  };
}

/** The smallest element holding two or more of the adapter's permission labels outside links and page chrome. */
function permissionLabelArea(doc: Document, adapter: ExchangeAdapter): Element | undefined {
  const { labels } = adapter;
  const words = new Set(
    [
      ...Object.values(labels.permissions),
      labels.permissionSection,
      labels.readOnlyMode ?? [],
      ...Object.values(labels.permissionAreas ?? {}),
    ]
      .flatMap((texts) => texts ?? [])
      .map(normalizeLabel),
  );
  const body = doc.body ?? doc.documentElement;
  const found: Element[] = [];
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.nodeValue ?? '';
    if (!parent || text.length > MAX_TEXT_CHARS || !words.has(normalizeLabel(text))) continue;
    if (!parent.closest(`a, nav, header, footer, ${SKIPPED}`)) found.push(parent);
  }
  if (found.length < 2) return undefined;
  let common: Element | null = found[0]!;
  while (common && !found.every((el) => common!.contains(el))) common = common.parentElement;
  return common && common !== body && common !== doc.documentElement ? common : undefined;
}

/**
 * The form area of the page: the key form `findKeyForm` finds (or the one the guard already holds); when there is
 * none, the smallest element holding the texts that look like the adapter's permission labels (two at least, outside
 * links, headers and footers); else the last open dialog, the `<main>`, the body.
 */
export function pageArea(doc: Document, adapter: ExchangeAdapter, form?: Element): { root: Element; area: AreaKind } {
  const keyForm = form?.isConnected ? form : findKeyForm(doc.documentElement, adapter);
  if (keyForm) return { root: keyForm, area: 'key-form' };
  const labelled = permissionLabelArea(doc, adapter);
  if (labelled) return { root: labelled, area: 'permission-labels' };
  const dialog = Array.from(doc.querySelectorAll(`${DIALOG}, [aria-modal="true"]`))
    .filter((el) => !el.closest(SKIPPED) && !el.hasAttribute('hidden'))
    .at(-1);
  if (dialog) return { root: dialog, area: 'dialog' };
  const main = doc.querySelector('main, [role="main"]');
  if (main) return { root: main, area: 'main' };
  return { root: doc.body ?? doc.documentElement, area: 'body' };
}

/** The description of the page's form area, as "This page is not read right?" shows and saves it. */
export function describePage(doc: Document, adapter: ExchangeAdapter, form?: Element): PageDescription {
  const { root, area } = pageArea(doc, adapter, form);
  const location = doc.defaultView?.location ?? { host: '', pathname: '' };
  return { ...describeForm(root, location, area), exchange: adapter.id };
}
