import { parseAllowList } from '../../core/ip-allowlist';
import type { ListedKey } from '../../core/key-list-flags';
import { isBound } from '../../core/ip-binding';
import { parseCalendarDate, type CalendarDate } from '../../core/rotation';
import { PERMISSIONS, type Permission } from '../../core/types';
import type { ExchangeAdapter } from '../../exchanges/adapter';
import {
  labelIndex,
  labelInitials,
  labelReader,
  mayStartLabel,
  normalizeLabel,
  valueStart,
  type CharSource,
  type LabelAt,
} from './labels';

// The exchange's list of existing keys, read into plain data: each key's name, permissions, IP binding and creation
// date. Keys are found by their field labels ("Permissions", "IP address allowlist", "Created"), never by class
// names. A key's own value ("API key") and secret are never read: a text node is read only as far as it can still
// be a label (labels.ts), and the element next to an "API key" label is skipped unread.

/** A listed key with the element showing it (its card or table row): where its inline flag goes. */
export interface ListedKeyCard {
  card: Element;
  entry: ListedKey;
}

type Field = 'name' | 'permissions' | 'ip' | 'created' | 'keyValue' | 'secret';

interface FieldLabel {
  field: Field;
  /** The element holding the label's text. */
  element: Element;
  /** "Label: value" in one text node: the node and where its value starts. */
  inline?: { node: CharacterData; start: number };
  /** The element showing the value, beside the label (or the table cell below a column header). */
  value?: Element;
}

/** Never a key list, or not ours to read: forms (the create-key form among them), dialogs, our own hosts. */
const EXCLUDED =
  'script, style, noscript, template, input, textarea, select, button, [role="button"], form, fieldset, [role="dialog"], [aria-modal="true"], [data-keyscope-overlay], [data-keyscope-key-flag]';
const CONTROL = 'input, textarea, select, [role="checkbox"], [role="switch"], [contenteditable="true"]';
const CARD = 'article, li, tr, [role="row"], [role="listitem"], [role="article"]';
/** Climbing from a key's field towards its card stops below these: they hold the whole page or list. */
const PAGE_LEVEL = 'body, main, [role="main"], table, tbody, thead, [role="table"], [role="grid"], [role="rowgroup"]';
const HEADER_CELL = 'th, [role="columnheader"]';
const CELL = 'td, th, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const CLIMB_VALUE = 2;
const CLIMB_CARD = 6;
const NAME_MAX = 100;
/**
 * Most keys read from one list: OKX shows at most 50 keys per account and Binance 30, so a page listing more is not an
 * exchange's key list as we know it, and each key read gets its own note on the page. The first ones are read.
 */
export const LISTED_KEYS_MAX = 200;
const LIST_SEPARATORS = /[,，、/|;；·]+/;
const IP_SEPARATORS = /[\s,，、;；]+/;
const MATERIAL: ReadonlySet<Field> = new Set(['keyValue', 'secret']);

/** The element showing a label's value: the next element beside it, or beside a parent that holds only the label. */
function valueBeside(label: Element): Element | undefined {
  let node: Element | null = label;
  for (let level = 0; node && level <= CLIMB_VALUE; level++, node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return undefined;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((child) => child.matches(CELL));
}

/** The data rows of the table a column header belongs to, each with its cell in that column. */
function columnCells(header: Element): Array<[Element, Element]> {
  const headerRow = header.parentElement;
  const table = header.closest('table, [role="table"], [role="grid"]');
  if (!headerRow || !table) return [];
  const column = cellsOf(headerRow).indexOf(header);
  const rows = Array.from(table.querySelectorAll('tr, [role="row"]')).filter(
    (row) => row !== headerRow && !row.querySelector(HEADER_CELL),
  );
  return rows.flatMap((row) => {
    const cell = cellsOf(row)[column];
    return cell ? [[row, cell] as [Element, Element]] : [];
  });
}

/**
 * Recognised dates: 2026-03-01, 2026/3/1, 2026.03.01, 2026年3月1日 (a time after them is ignored), Mar 1, 2026, 1 Mar 2026.
 * Exported for test/dom/key-list.test.ts: each date format checked without a key list around it.
 */
export function parseListedDate(text: string): CalendarDate | undefined {
  const date = (year: string, month: number, day: string) => {
    const value = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
    return parseCalendarDate(value) === undefined ? undefined : value;
  };
  const numeric = /(?:^|\D)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(text);
  if (numeric) return date(numeric[1]!, Number(numeric[2]), numeric[3]!);
  const month = (name: string) =>
    'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1;
  const named = /\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(text);
  if (named && Number.isInteger(month(named[1]!)) && month(named[1]!) > 0)
    return date(named[3]!, month(named[1]!), named[2]!);
  const dayFirst = /\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(text);
  if (dayFirst && Number.isInteger(month(dayFirst[2]!)) && month(dayFirst[2]!) > 0)
    return date(dayFirst[3]!, month(dayFirst[2]!), dayFirst[1]!);
  return undefined;
}

/** The key list's field labels of one adapter, read by their first characters; built once per adapter. */
interface ListLabels {
  read: (text: CharSource) => LabelAt<Field> | undefined;
  /** The labels' first characters, lower case: a text starting otherwise (a price, a time) is no label. */
  initials: ReadonlySet<string>;
}

const LIST_LABELS = new WeakMap<ExchangeAdapter, ListLabels>();

function listLabels(adapter: ExchangeAdapter): ListLabels {
  const cached = LIST_LABELS.get(adapter);
  if (cached) return cached;
  const { keyList, successView } = adapter;
  const entries: Array<[Field, readonly string[]]> = [
    ['name', keyList.name],
    ['permissions', keyList.permissions],
    ['ip', keyList.ip],
    ['created', keyList.created],
    ['keyValue', keyList.keyValue],
    ['secret', successView.secretKey],
  ];
  const labels: ListLabels = {
    read: labelReader(entries),
    initials: labelInitials(entries.flatMap(([, texts]) => texts)),
  };
  LIST_LABELS.set(adapter, labels);
  return labels;
}

function startsLikeLabel(text: CharSource, { read, initials }: ListLabels): boolean {
  return mayStartLabel(text, initials) && read(text) !== undefined;
}

function holdsLabel(element: Element, labels: ListLabels): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (startsLikeLabel(node as Text, labels)) return true;
  return false;
}

/**
 * Whether a node the page added under `parent` (or a text it changed) could make or change a key list: it holds one
 * of the list's labels, or it is a row added to a table whose header has one (header first, rows when the data
 * comes). Cheap on a live page: an order book's prices are told apart from labels by their first character.
 */
export function couldBeKeyListPart(node: Node, parent: Node | null, adapter: ExchangeAdapter): boolean {
  const labels = listLabels(adapter);
  if (node.nodeType === Node.TEXT_NODE) return startsLikeLabel(node as Text, labels);
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  if (holdsLabel(node as Element, labels)) return true;
  const table = parent instanceof Element ? parent.closest('table, [role="table"], [role="grid"]') : null;
  return !!table && Array.from(table.querySelectorAll(HEADER_CELL)).some((header) => holdsLabel(header, labels));
}

/**
 * Reads the keys listed under `root`. Each key is found from its "Permissions" field: its card is the largest
 * element around that field holding no other key's, or, in a table, the row under a "Permissions" column header.
 * A card counts when it shows at least one more field (IP, creation date, key, name) and no form control.
 */
export function readKeyList(root: Element, adapter: ExchangeAdapter): ListedKeyCard[] {
  const { keyList, labels } = adapter;
  const { read } = listLabels(adapter);
  const permissionIndex = labelIndex(
    PERMISSIONS.map((p) => [p, labels.permissions[p] ?? []] as [Permission, readonly string[]]),
  );
  const notBound = new Set(keyList.notBound.map(normalizeLabel));

  // One walk in document order. A key's value comes after its label, so it is marked skipped before the walk
  // reaches it; text inside skipped elements and excluded subtrees is never visited.
  const skipped = new Set<Node>();
  const filter = {
    acceptNode: (node: Node) =>
      skipped.has(node)
        ? NodeFilter.FILTER_REJECT
        : node.nodeType === Node.TEXT_NODE
          ? NodeFilter.FILTER_ACCEPT
          : (node as Element).matches(EXCLUDED)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP,
  };
  const textNodes = function* (region: Element): Generator<CharacterData> {
    const walker = region.ownerDocument.createTreeWalker(
      region,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      filter,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as CharacterData;
  };
  const fields: FieldLabel[] = [];
  for (const node of textNodes(root)) {
    const element = node.parentElement;
    const found = element && read(node);
    if (!element || !found) continue;
    const { value: field } = found;
    const header = element.closest(HEADER_CELL);
    if (MATERIAL.has(field)) {
      // The value is in the same node ("API key: …"), in the next element ("API key <span>…</span>"), beside the
      // label's element, or in the column below it: all of it is skipped, unread.
      skipped.add(node);
      const sibling = node.nextSibling;
      const value = header
        ? undefined
        : sibling?.nodeType === Node.ELEMENT_NODE
          ? (sibling as Element)
          : valueBeside(element);
      if (value) skipped.add(value);
      if (header) for (const [, cell] of columnCells(header)) skipped.add(cell);
      fields.push({ field, element: header ?? element });
      continue;
    }
    const start = valueStart(node, found.end);
    if (start !== undefined) {
      // "Name: …" needs its colon, or a key called "Note taker" would be named "taker"; "Created 2026-03-01" needs a date.
      const colon = /[:：]/.test(node.substringData(found.end, start - found.end));
      if (colon || (field === 'created' && parseListedDate(node.data.slice(start))))
        fields.push({ field, element, inline: { node, start } });
      continue;
    }
    const value = header ? undefined : valueBeside(element);
    fields.push({ field, element: header ?? element, ...(value ? { value } : {}) });
  }
  const labelElements = fields.map((f) => f.element);
  // A value region holding another label is a layout this reader does not understand: no value rather than a wrong one.
  for (const f of fields)
    if (f.value && labelElements.some((el) => el !== f.element && f.value!.contains(el))) delete f.value;

  const valueTexts = (f: FieldLabel | undefined): string[] =>
    !f
      ? []
      : f.inline
        ? [f.inline.node.data.slice(f.inline.start)]
        : f.value
          ? Array.from(textNodes(f.value), (t) => t.data)
          : [];

  // Cards: table rows under a "Permissions" column, and the largest element around each "Permissions" field.
  const cards: Array<{ card: Element; fields: Map<Field, FieldLabel> }> = [];
  const anchors = fields.filter((f) => f.field === 'permissions');
  for (const anchor of anchors.filter((a) => a.element.matches(HEADER_CELL))) {
    const headers = fields.filter(
      (f) => f.element.matches(HEADER_CELL) && f.element.parentElement === anchor.element.parentElement,
    );
    const rows = new Map<Element, Map<Field, FieldLabel>>();
    for (const header of headers) {
      for (const [row, cell] of columnCells(header.element)) {
        const own = rows.get(row) ?? new Map<Field, FieldLabel>();
        own.set(header.field, { field: header.field, element: header.element, value: cell });
        rows.set(row, own);
      }
    }
    for (const [card, own] of rows) cards.push({ card, fields: own });
  }
  const inline = anchors.filter((a) => !a.element.matches(HEADER_CELL)).map((a) => a.element);
  for (const anchor of inline) {
    const holdsAnother = (el: Element) => inline.some((other) => other !== anchor && el.contains(other));
    let card = anchor;
    for (
      let node = anchor.parentElement, level = 0;
      node && level < CLIMB_CARD && root.contains(node);
      node = node.parentElement, level++
    ) {
      if (node.matches(PAGE_LEVEL) || holdsAnother(node) || node.querySelector('h1')) break;
      card = node;
      if (node.matches(CARD)) break;
    }
    const own = new Map<Field, FieldLabel>();
    for (const f of fields)
      if (card.contains(f.element) && !f.element.matches(HEADER_CELL) && !own.has(f.field)) own.set(f.field, f);
    cards.push({ card, fields: own });
  }

  const listed: ListedKeyCard[] = [];
  for (const { card, fields: own } of cards) {
    if (listed.length >= LISTED_KEYS_MAX) break;
    if (own.has('secret') || own.size < 2 || card.querySelector(CONTROL)) continue;
    const permissions = new Set<Permission>();
    for (const text of valueTexts(own.get('permissions'))) {
      for (const part of text.split(LIST_SEPARATORS)) {
        const permission = permissionIndex.get(normalizeLabel(part));
        if (permission) permissions.add(permission);
      }
    }
    const ipTexts = valueTexts(own.get('ip'));
    const ipBound =
      !ipTexts.some((t) => notBound.has(normalizeLabel(t))) &&
      isBound(parseAllowList(ipTexts.join(' ').split(IP_SEPARATORS).filter(Boolean)));
    const created = parseListedDate(valueTexts(own.get('created')).join(' '));
    const taken = [...fields, ...own.values()].flatMap((f) => (f.value ? [f.element, f.value] : [f.element]));
    const entry: ListedKey = {
      name: nameOf(valueTexts(own.get('name')), textNodes(card), taken),
      permissions: PERMISSIONS.filter((p) => permissions.has(p)),
      ipBound,
    };
    if (created) entry.created = created;
    listed.push({ card, entry });
  }
  return listed;
}

/** A labelled name field, else the card's heading, else its first short text that is no field and no button. */
function nameOf(labelled: string[], texts: Iterable<CharacterData>, taken: readonly Element[]): string {
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  const name = fold(labelled.join(' '));
  if (name) return name;
  let first: string | undefined;
  for (const node of texts) {
    if (node.length > NAME_MAX || taken.some((el) => el.contains(node))) continue;
    const text = fold(node.data);
    if (!text) continue;
    if (node.parentElement?.closest(HEADING)) return text;
    first ??= text;
  }
  return first ?? '';
}
