import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window as PageWindow } from 'happy-dom';
import { replicaWindow } from './fixture-page';
import { afterEach, describe, expect, test } from 'vitest';
import { labelIndex, normalizeLabel } from '../../src/content/read/labels';
import { findKeyForm, readForm } from '../../src/content/read/read-form';
import { PERMISSIONS, type KeyFormSnapshot, type Permission } from '../../src/core/types';
import type { ExchangeAdapter } from '../../src/exchanges/adapter';
import { adapterById } from '../../src/exchanges';

// DOM fuzzing of every replica page that holds a key form (test/fixtures/<exchange>/expected.json, found at run
// time: a new exchange's pages are fuzzed as soon as they exist). Each page is loaded with its own scripts, as in
// read-form-okx.test.ts, then changed by seeded random mutations, several rounds; after every round:
//   - findKeyForm and readForm never throw;
//   - a permission that is ON in the page is never reported OFF while its label and its control are still there and
//     still associated. (When findKeyForm finds no form at all, nothing is reported, neither ON nor OFF.)
//
// "ON" is what the unmutated page reports (expected.json); which label and control show it is found by difference
// (see "Which label and control show a permission ON"), and they and their row (the smallest element holding them) are
// marked with data-fuzz-* attributes. Every mutation keeps a row's labels and controls inside that row:
//   shuffle   reorders an element's children (form rows, option groups, header links): nothing leaves its parent, and
//             the parts of one permission's row (an area heading and its group, a label and its box) keep their order;
//   classes   renames or strips class names, except inside the row of a class-toggled control (there the class *is*
//             what the page shows; renaming it would turn the permission off for the user too);
//   wrap      puts an element into a new <div> or <span> in its place: containment is kept;
//   duplicate copies a permission label's text outside the form, alone or beside an unticked checkbox (a bill
//             filter, a key card), as exchange pages do;
//   echo      copies a label's text next to it, into the label or a wrapper showing no other text (a tooltip, a
//             screen-reader-only copy, the hidden copy antd's ellipsis renders);
//   drop      removes one label element (a permission whose label is gone is no longer asserted);
//   rerender  replaces an element by a deep clone with the same form state, as a framework re-render does;
//   split     splits a label's text into two adjacent text nodes: the same visible word, as frameworks can leave it.
// So a permission is asserted exactly when its marked labels, and its marked controls still showing ON, are all in the
// document inside one marked row. On failure the message names the seed, the round and every mutation so far; set
// KEYSCOPE_FUZZ_SEED to a number to replay that seed alone (a KNOWN BUG test may then pass and be reported), or to
// `random` to try fresh seeds, and KEYSCOPE_FUZZ_RUNS=N for N times the seeds.

const FIXTURES = join(import.meta.dirname, '../fixtures');

interface Expectation {
  url: string;
  open?: string;
  snapshot: KeyFormSnapshot | null;
}

interface FixturePage {
  exchange: string;
  file: string;
  expectation: Expectation;
}

/** Every page with a key form, in every fixture folder that has an expected.json. */
function fixturePages(): FixturePage[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'expected.json')))
    .flatMap((entry) => {
      const expected: Record<string, Expectation> = JSON.parse(
        readFileSync(join(FIXTURES, entry.name, 'expected.json'), 'utf8'),
      );
      return Object.entries(expected)
        .filter(([, expectation]) => expectation.snapshot !== null)
        .map(([file, expectation]) => ({ exchange: entry.name, file, expectation }));
    })
    .sort((a, b) => `${a.exchange}/${a.file}`.localeCompare(`${b.exchange}/${b.file}`));
}

const PAGES = fixturePages();

// ---- Seeded randomness --------------------------------------------------------------------------------------------

/** mulberry32: small, seeded, the same sequence on every machine. */
class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Seeds: fixed by default (the same run in CI and locally); KEYSCOPE_FUZZ_SEED replays one or draws fresh ones. */
function seeds(count: number, salt: number): number[] {
  const wanted = process.env.KEYSCOPE_FUZZ_SEED;
  if (wanted && wanted !== 'random') return [Number(wanted) >>> 0];
  const base = wanted === 'random' ? Math.floor(Math.random() * 2 ** 31) : 20_261_126;
  return Array.from({ length: count }, (_, i) => (base + salt * 1000 + i * 7919) >>> 0);
}

// ---- Loading a page -----------------------------------------------------------------------------------------------

const windows: PageWindow[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

/** The page as the content script sees it: loaded at its exchange URL with its own inline scripts, form opened. */
async function load(page: FixturePage): Promise<Document> {
  const window = await replicaWindow(
    page.expectation.url,
    readFileSync(join(FIXTURES, page.exchange, page.file), 'utf8'),
  );
  windows.push(window);
  const document = window.document as unknown as Document;
  if (page.expectation.open) {
    const opener = elementWithText(document.body, page.expectation.open);
    if (!opener) throw new Error(`no "${page.expectation.open}" to open the form`);
    opener.click();
    await window.happyDOM.waitUntilComplete();
  }
  return document;
}

function elementWithText(root: Element, text: string): HTMLElement | undefined {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.trim() === text && node.parentElement && !node.parentElement.closest('script, style'))
      return node.parentElement;
  }
  return undefined;
}

// ---- Which label and control show a permission ON --------------------------------------------------------------

// "ON in the page" is what the unmutated page reports ON (expected.json). Which elements show it is found by
// difference, without knowing the reader's rules: a control is evidence for a permission when turning that control
// off (unchecking it, aria-checked="false", removing its "checked"/"active"/"on" class) makes the permission go; a label
// is evidence when blanking its text makes it go, the form still being found. Area headings (Gate "Spot", MEXC 现货) and
// key-wide modes (Bybit "Read-Write") are found this way too. A permission with no control as evidence (HTX shows 只读
// as plain text) or no label as evidence is not asserted: it has no control that could be read as OFF.

const STATE_CLASS = /(^|[-_])(checked|active|selected|on)$/i;
const ATTR = { protect: 'data-fuzz-protect', form: 'data-fuzz-form', dup: 'data-fuzz-dup' } as const;
const attr = (role: 'label' | 'control' | 'row', permission: Permission) => `data-fuzz-${role}-${permission}`;

/** Elements holding a permission label's text inside `root`, duplicates this test added left out. */
function permissionLabels(root: Element, adapter: ExchangeAdapter): Array<[Permission, Element]> {
  const index = labelIndex(
    PERMISSIONS.map((p) => [p, adapter.labels.permissions[p] ?? []] as [Permission, readonly string[]]),
  );
  const found: Array<[Permission, Element]> = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(`script, style, [${ATTR.dup}]`)) continue;
    const permission = index.get(normalizeLabel(node.nodeValue ?? ''));
    if (permission) found.push([permission, parent]);
  }
  return found;
}

/** How a control shows "on", as this test turns it off and checks it again. */
type OnState = 'checked' | 'aria-checked' | 'aria-pressed' | `class:${string}`;

function onStates(el: Element): OnState[] {
  const states: OnState[] = [];
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).checked) states.push('checked');
  if (el.getAttribute('aria-checked') === 'true') states.push('aria-checked');
  if (el.getAttribute('aria-pressed') === 'true') states.push('aria-pressed');
  for (const token of Array.from(el.classList)) if (STATE_CLASS.test(token)) states.push(`class:${token}`);
  return states;
}

function showsOn(el: Element, state: OnState): boolean {
  if (state === 'checked') return el.tagName === 'INPUT' && (el as HTMLInputElement).checked;
  if (state.startsWith('class:')) return el.classList.contains(state.slice('class:'.length));
  return el.getAttribute(state) === 'true';
}

/** Turns one way of showing "on" off; returns how to turn it back on. */
function turnOff(el: Element, state: OnState): () => void {
  if (state === 'checked') {
    (el as HTMLInputElement).checked = false;
    return () => ((el as HTMLInputElement).checked = true);
  }
  if (state.startsWith('class:')) {
    const token = state.slice('class:'.length);
    el.classList.remove(token);
    return () => el.classList.add(token);
  }
  el.setAttribute(state, 'false');
  return () => el.setAttribute(state, 'true');
}

/** A node's place in the document, as child indexes from <html>: the same on every load of a page. */
type NodePath = number[];

function pathOf(node: Node): NodePath {
  const path: number[] = [];
  for (let n: Node = node; n.parentNode && n !== n.ownerDocument!.documentElement; n = n.parentNode)
    path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  return path;
}

function nodeAt(document: Document, path: NodePath): Node {
  let node: Node = document.documentElement;
  for (const i of path) node = node.childNodes[i]!;
  if (!node) throw new Error(`no node at ${path.join('/')}`);
  return node;
}

interface Evidence {
  permission: Permission;
  /** Elements whose text is a label the permission needs (their text nodes' parents). */
  labels: NodePath[];
  controls: Array<{ path: NodePath; state: OnState }>;
}

function reads(document: Document, adapter: ExchangeAdapter): Permission[] | undefined {
  const form = findKeyForm(document.documentElement, adapter);
  return form ? readForm(form, adapter).permissions : undefined;
}

/** The evidence for each permission the page reports ON, found on one load of the page (see above). */
async function findEvidence(fixture: FixturePage, adapter: ExchangeAdapter): Promise<Evidence[]> {
  const document = await load(fixture);
  const form = findKeyForm(document.documentElement, adapter);
  if (!form) throw new Error(`${fixture.file}: findKeyForm found no form before any mutation`);
  const on = readForm(form, adapter).permissions;
  const gone = (): Permission[] => {
    const now = reads(document, adapter);
    return now ? on.filter((p) => !now.includes(p)) : [];
  };
  const evidence = new Map(
    on.map((p) => [p, { permission: p, labels: [] as NodePath[], controls: [] as Evidence['controls'] }]),
  );
  for (const el of [form, ...Array.from(form.querySelectorAll('*'))]) {
    for (const state of onStates(el)) {
      const restore = turnOff(el, state);
      const lost = gone();
      restore();
      for (const p of lost) evidence.get(p)!.controls.push({ path: pathOf(el), state });
    }
  }
  const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    if (text.length > 0 && text.length <= 40 && node.parentElement && !node.parentElement.closest('script, style'))
      texts.push(node as Text);
  }
  for (const node of texts) {
    const value = node.nodeValue!;
    node.nodeValue = '';
    const lost = gone();
    node.nodeValue = value;
    for (const p of lost) {
      const labels = evidence.get(p)!.labels;
      const path = pathOf(node.parentElement!);
      if (!labels.some((l) => l.join('/') === path.join('/'))) labels.push(path);
    }
  }
  return [...evidence.values()].filter((e) => e.labels.length > 0 && e.controls.length > 0);
}

function commonAncestor(elements: readonly Element[]): Element {
  let node: Element | null = elements[0]!;
  while (node && !elements.every((el) => node!.contains(el))) node = node.parentElement;
  if (!node) throw new Error('no common ancestor');
  return node;
}

/**
 * Marks each permission's evidence labels and controls (numbered) and their row: the smallest element holding them
 * all. Where a control shows its state by a class, no class in its row is renamed: there the class is what the user
 * sees. Returns the permissions marked.
 */
function markEvidence(document: Document, evidence: readonly Evidence[]): Permission[] {
  for (const { permission, labels, controls } of evidence) {
    const labelElements = labels.map((path) => nodeAt(document, path) as Element);
    const controlElements = controls.map(({ path }) => nodeAt(document, path) as Element);
    labelElements.forEach((el, i) => el.setAttribute(attr('label', permission), String(i)));
    controlElements.forEach((el, i) => el.setAttribute(attr('control', permission), String(i)));
    const row = commonAncestor([...labelElements, ...controlElements]);
    row.setAttribute(attr('row', permission), '');
    if (controls.some(({ state }) => state.startsWith('class:'))) {
      for (const el of [row, ...Array.from(row.querySelectorAll('*'))]) el.setAttribute(ATTR.protect, '');
    }
  }
  return evidence.map((e) => e.permission);
}

/** Permissions whose evidence labels are all present and evidence controls all present and ON, inside one marked row. */
function assertablePermissions(document: Document, evidence: readonly Evidence[]): Permission[] {
  return evidence
    .filter(({ permission, labels, controls }) =>
      Array.from(document.querySelectorAll(`[${attr('row', permission)}]`)).some((row) => {
        const within = (name: string, i: number) =>
          [row, ...Array.from(row.querySelectorAll(`[${name}="${i}"]`))].filter(
            (el) => el.getAttribute(name) === String(i),
          );
        return (
          labels.every((_, i) => within(attr('label', permission), i).length > 0) &&
          controls.every(({ state }, i) => within(attr('control', permission), i).some((el) => showsOn(el, state)))
        );
      }),
    )
    .map((e) => e.permission);
}

// ---- Mutations ----------------------------------------------------------------------------------------------------

const KINDS = ['shuffle', 'classes', 'wrap', 'duplicate', 'echo', 'drop', 'rerender', 'split'] as const;
type Kind = (typeof KINDS)[number];

interface Page {
  document: Document;
  adapter: ExchangeAdapter;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'TITLE', 'HTML', 'BODY', 'OPTION']);

function elements(root: Element, filter: (el: Element) => boolean = () => true): Element[] {
  return Array.from(root.querySelectorAll('*')).filter(
    (el) => !SKIP.has(el.tagName) && !el.closest('script, style') && filter(el),
  );
}

function formOf(document: Document): Element {
  const form = document.querySelector(`[${ATTR.form}]`);
  if (!form) throw new Error('the marked form is gone');
  return form;
}

/** A short name for an element in the failure log. */
function describeElement(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = el.classList.length ? `.${Array.from(el.classList).slice(0, 2).join('.')}` : '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
  return `<${el.tagName.toLowerCase()}${id}${classes}>${text ? ` "${text}"` : ''}`;
}

/** Permission labels in the form: the evidence labels marked, and any text that is a permission label. */
function labelElements(form: Element, adapter: ExchangeAdapter): Element[] {
  const marked = [form, ...Array.from(form.querySelectorAll('*'))].filter((el) =>
    el.getAttributeNames().some((name) => name.startsWith('data-fuzz-label-')),
  );
  return [...new Set([...marked, ...permissionLabels(form, adapter).map(([, el]) => el)])].filter(
    (el) => !el.hasAttribute(ATTR.dup),
  );
}

const HASH_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A generated class name as CSS-in-JS and CSS modules make them; never a state or control word. */
function hashedClass(rng: Rng): string {
  for (;;) {
    const hash = Array.from({ length: 6 }, () => rng.pick([...HASH_ALPHABET])).join('');
    const name = rng.pick([`css-${hash.toLowerCase()}`, `sc-${hash}`, `_${hash}`, `index_box__${hash}`]);
    if (!/check|switch|toggle|tag|chip|selection|active|selected|(^|[-_])on$/i.test(name)) return name;
  }
}

/** The permissions an element's subtree holds evidence of (marked labels and controls). */
function evidenceIn(el: Element): Set<string> {
  const found = new Set<string>();
  for (const node of [el, ...Array.from(el.querySelectorAll('*'))]) {
    for (const name of node.getAttributeNames()) {
      const match = /^data-fuzz-(?:label|control)-(.+)$/.exec(name);
      if (match) found.add(match[1]!);
    }
  }
  return found;
}

/**
 * Whether reordering these children could change what belongs with what: two children hold parts of one permission's
 * row (an area heading above its group, a label beside its box). Rows are reordered, never the parts of one row.
 */
function splitsRow(parent: Element): boolean {
  const seen = new Set<string>();
  for (const child of Array.from(parent.children)) {
    for (const permission of evidenceIn(child)) {
      if (seen.has(permission)) return true;
      seen.add(permission);
    }
  }
  return false;
}

const MUTATE: Record<Kind, (page: Page, rng: Rng) => string> = {
  shuffle({ document }, rng) {
    const form = formOf(document);
    const parents = (rng.chance(0.6) ? [form, ...elements(form)] : elements(document.body)).filter(
      (el) => el.children.length >= 2 && !splitsRow(el),
    );
    if (parents.length === 0) return 'shuffle: nothing to shuffle';
    const parent = rng.pick(parents);
    const children = Array.from(parent.children);
    for (let i = children.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [children[i], children[j]] = [children[j]!, children[i]!];
    }
    parent.append(...children);
    return `shuffle the ${children.length} children of ${describeElement(parent)}`;
  },

  classes({ document }, rng) {
    const candidates = elements(document.body, (el) => el.hasAttribute('class') && !el.hasAttribute(ATTR.protect));
    if (candidates.length === 0) return 'classes: nothing to rename';
    const changed: string[] = [];
    for (let n = 1 + rng.int(6); n > 0; n--) {
      const el = rng.pick(candidates);
      const before = describeElement(el);
      if (rng.chance(0.3)) el.removeAttribute('class');
      else el.setAttribute('class', Array.from(el.classList, () => hashedClass(rng)).join(' '));
      changed.push(`${before} → class="${el.getAttribute('class') ?? ''}"`);
    }
    return `classes: ${changed.join('; ')}`;
  },

  wrap({ document }, rng) {
    const form = formOf(document);
    const candidates = rng.chance(0.7) ? elements(form) : elements(document.body);
    if (candidates.length === 0) return 'wrap: nothing to wrap';
    const el = rng.pick(candidates);
    const wrapper = document.createElement(rng.chance(0.5) ? 'div' : 'span');
    el.parentNode!.insertBefore(wrapper, el);
    wrapper.append(el);
    return `wrap ${describeElement(el)} in <${wrapper.tagName.toLowerCase()}>`;
  },

  duplicate({ document, adapter }, rng) {
    const form = formOf(document);
    const texts = PERMISSIONS.flatMap((p) => adapter.labels.permissions[p] ?? []);
    const text = rng.pick(texts);
    const hosts = elements(
      document.body,
      (el) => !form.contains(el) && !['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'IMG', 'BR', 'HR'].includes(el.tagName),
    );
    const host = hosts.length > 0 ? rng.pick(hosts) : document.body;
    let copy: Element;
    if (rng.chance(0.5)) {
      copy = document.createElement(rng.pick(['span', 'div', 'a']));
      copy.textContent = text;
    } else {
      // An unticked checkbox beside it: a filter or a settings row elsewhere on the page.
      copy = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      copy.append(box, ` ${text}`);
    }
    copy.setAttribute(ATTR.dup, '');
    host.insertBefore(copy, host.children[rng.int(host.children.length + 1)] ?? null);
    return `duplicate "${text}" as ${copy.tagName.toLowerCase()}${copy.querySelector('input') ? ' with an unticked checkbox' : ''} into ${describeElement(host)}`;
  },

  echo({ document, adapter }, rng) {
    const labels = labelElements(formOf(document), adapter);
    if (labels.length === 0) return 'echo: no label to echo';
    const label = rng.pick(labels);
    const own = Array.from(label.childNodes).find(
      (node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '',
    );
    const text = (own?.nodeValue ?? label.textContent ?? '').trim();
    // Into the label or an ancestor that shows no other text: the copy must not become part of another label.
    const hosts: Element[] = [];
    const shown = (label.textContent ?? '').trim();
    for (let node: Element | null = label; node && (node.textContent ?? '').trim() === shown; node = node.parentElement)
      hosts.push(node);
    const host = rng.pick(
      hosts.filter((el) => !['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(el.tagName)).concat(label),
    );
    const copy = document.createElement(rng.pick(['span', 'div']));
    copy.textContent = text;
    if (rng.chance(0.5)) copy.setAttribute('aria-hidden', 'true');
    copy.setAttribute(ATTR.dup, '');
    host.insertBefore(copy, host.children[rng.int(host.children.length + 1)] ?? null);
    return `echo the label "${text}" as a ${copy.tagName.toLowerCase()} inside ${describeElement(host)}`;
  },

  drop({ document, adapter }, rng) {
    const labels = labelElements(formOf(document), adapter);
    if (labels.length <= 1) return 'drop: keeps the last permission label';
    const label = rng.pick(labels);
    const name = describeElement(label);
    label.remove();
    return `drop the label ${name}`;
  },

  split({ document, adapter }, rng) {
    const texts = labelElements(formOf(document), adapter).flatMap((label) =>
      Array.from(label.childNodes).filter(
        (node): node is Text => node.nodeType === Node.TEXT_NODE && (node as Text).length >= 2,
      ),
    );
    if (texts.length === 0) return 'split: no label text to split';
    const text = rng.pick(texts);
    const at = 1 + rng.int(text.length - 1);
    text.splitText(at);
    return `split the label text "${text.data}|${text.nextSibling?.nodeValue ?? ''}"`;
  },

  rerender({ document }, rng) {
    const form = formOf(document);
    const candidates = rng.chance(0.7) ? [form, ...elements(form)] : elements(document.body);
    if (candidates.length === 0) return 'rerender: nothing to re-render';
    const el = rng.pick(candidates);
    const clone = el.cloneNode(true) as Element;
    // A re-render keeps the form's state; happy-dom's cloneNode drops checkedness and typed values (the HTML spec
    // copies them), so they are copied here.
    const fields = (root: Element) =>
      [root, ...Array.from(root.querySelectorAll('*'))].filter((f) =>
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(f.tagName),
      );
    const from = fields(el);
    fields(clone).forEach((field, i) => {
      const source = from[i] as HTMLInputElement;
      (field as HTMLInputElement).value = source.value;
      if (field.tagName === 'INPUT') (field as HTMLInputElement).checked = source.checked;
    });
    el.replaceWith(clone);
    return `rerender ${describeElement(el)} as a clone`;
  },
};

// ---- The runs -----------------------------------------------------------------------------------------------------

interface RunResult {
  /** How many (round, permission) pairs were asserted: a run that asserted nothing proves nothing. */
  asserted: number;
  /** Permissions with a label and a control as evidence, on the unmutated page. */
  assertable: number;
}

const EVIDENCE = new Map<string, Promise<Evidence[]>>();

/** The evidence of a page, found once per page: every run loads the page afresh and marks it by path. */
function evidenceOf(fixture: FixturePage, adapter: ExchangeAdapter): Promise<Evidence[]> {
  const key = `${fixture.exchange}/${fixture.file}`;
  if (!EVIDENCE.has(key)) EVIDENCE.set(key, findEvidence(fixture, adapter));
  return EVIDENCE.get(key)!;
}

async function fuzz(fixture: FixturePage, kinds: readonly Kind[], seed: number, rounds: number): Promise<RunResult> {
  const adapter = adapterById(fixture.exchange);
  if (!adapter) throw new Error(`test/fixtures/${fixture.exchange} has no registered adapter`);
  const evidence = await evidenceOf(fixture, adapter);
  const document = await load(fixture);
  const original = findKeyForm(document.documentElement, adapter);
  if (!original) throw new Error(`${fixture.file}: findKeyForm found no form before any mutation`);
  expect(readForm(original, adapter), 'the unmutated page reads as expected.json says').toEqual(
    fixture.expectation.snapshot,
  );
  original.setAttribute(ATTR.form, '');
  markEvidence(document, evidence);

  const rng = new Rng(seed);
  const log: string[] = [];
  let asserted = 0;
  for (let round = 1; round <= rounds; round++) {
    log.push(`${round}. ${MUTATE[rng.pick(kinds)]({ document, adapter }, rng)}`);
    const where = () =>
      `${fixture.exchange}/${fixture.file}, seed ${seed} (KEYSCOPE_FUZZ_SEED=${seed}), after round ${round}:\n  ${log.join('\n  ')}`;
    let form: Element | undefined;
    let snapshot: KeyFormSnapshot | undefined;
    try {
      form = findKeyForm(document.documentElement, adapter);
      snapshot = form && readForm(form, adapter);
      // The whole page read as one form: what a wrong form boundary would give. Costly, so every fifth round.
      if (round % 5 === 0) readForm(document.documentElement, adapter);
    } catch (error) {
      throw new Error(`the reader threw: ${String(error)}\n${where()}`);
    }
    // No form found means no panel at all: nothing is reported, neither ON nor OFF.
    const expected = form ? assertablePermissions(document, evidence) : [];
    for (const permission of expected) {
      expect(snapshot!.permissions, `${permission} is ON in the page but read as OFF; ${where()}`).toContain(
        permission,
      );
    }
    asserted += expected.length;
  }
  return { asserted, assertable: evidence.length };
}

/**
 * (page, mutation) pairs where the reader is known to read an ON permission as OFF: the test is `.fails` until
 * src/content/read/read-form.ts is fixed (then remove the entry), and tries more seeds so that it fails for certain while the
 * bug is there. The mixed run of such a page leaves that mutation out, so that it keeps checking the others together.
 * The smallest case of each is under "reader bugs found by fuzzing" below. None is open now.
 */
const KNOWN_FAILURES: Record<string, readonly Kind[]> = {};

// Each seed loads the page afresh (happy-dom, ~50 ms); KEYSCOPE_FUZZ_RUNS multiplies the seeds for a deeper local run.
const DEPTH = Math.max(1, Number(process.env.KEYSCOPE_FUZZ_RUNS ?? 1));
const SEEDS_PER_KIND = 1 * DEPTH;
const SEEDS_MIXED = 2 * DEPTH;
/** A known bug stops the run at its first failure; with none left, all these seeds pass and `.fails` says so. */
const SEEDS_KNOWN = 16 * DEPTH;
const ROUNDS = 20;
// A deeper run (KEYSCOPE_FUZZ_RUNS) on a busy machine takes seconds per page: 30 s per seed set and depth.
const RUN_TIMEOUT_MS = 30_000 * DEPTH;

/** Fuzzes a page with each seed; a page with a permission to assert must have had it asserted. */
async function runs(page: FixturePage, kinds: readonly Kind[], seedList: readonly number[]): Promise<void> {
  let asserted = 0;
  let assertable = 0;
  for (const seed of seedList) {
    const result = await fuzz(page, kinds, seed, ROUNDS);
    asserted += result.asserted;
    assertable = result.assertable;
  }
  if (assertable > 0) expect(asserted, 'the runs asserted something').toBeGreaterThan(0);
}

describe.each(PAGES.map((page) => [`${page.exchange}/${page.file}`, page] as const))('%s', (name, page) => {
  const known = KNOWN_FAILURES[name] ?? [];
  for (const kind of KINDS) {
    const bug = known.includes(kind);
    (bug ? test.fails : test)(
      `${bug ? 'KNOWN BUG: ' : ''}${kind}: never throws, never reads an ON permission as OFF`,
      async () => {
        await runs(page, [kind], seeds(bug ? SEEDS_KNOWN : SEEDS_PER_KIND, KINDS.indexOf(kind) + 1));
      },
      RUN_TIMEOUT_MS,
    );
  }
  const mixed = KINDS.filter((kind) => !known.includes(kind));
  test(
    `all mutations mixed (${mixed.join(', ')}): never throws, never reads an ON permission as OFF`,
    async () => {
      await runs(page, mixed, seeds(SEEDS_MIXED, 0));
    },
    RUN_TIMEOUT_MS,
  );
});

test('the fuzzer found the replica pages, and a label and a control for the ON permissions of most', async () => {
  expect(PAGES.length).toBeGreaterThan(0);
  const coverage: string[] = [];
  let covered = 0;
  for (const page of PAGES) {
    const evidence = await evidenceOf(page, adapterById(page.exchange)!);
    const on = page.expectation.snapshot!.permissions;
    const seen = evidence.map((e) => e.permission);
    if (seen.length > 0) covered++;
    coverage.push(`${page.exchange}/${page.file}: ON ${on.join(' ') || '-'}; asserted ${seen.join(' ') || '-'}`);
  }
  console.log(
    `Fuzzed pages, the ON permissions and those with a label and a control to assert:\n  ${coverage.join('\n  ')}`,
  );
  expect(covered, coverage.join('\n')).toBeGreaterThanOrEqual(PAGES.length / 2);
});

// The smallest changes behind failures the fuzzer found, and one it does not make (a label's text split over two text
// nodes: the same visible word, as frameworks can leave it; the fuzzer's "split" does it since). Each read a permission the page shows ticked as OFF, so
// the panel could say "Ready to create" for a key with Trade or Withdraw. A bug still there is asserted alone in a
// `.fails` test (set `open: false` once read-form.ts is fixed); a fixed one stays as a plain regression test. The change
// itself is checked by a plain test, so that a `.fails` test cannot pass for a broken setup.
// Fixed in read-form.ts while this test was being written (2026-11), kept as regression tests:
//   echo: a second copy of a label's text inside its control or heading (a tooltip, a screen-reader copy, the hidden
//         copy antd's ellipsis renders) counted as "another label"; found with seed 20266126 on okx/en-chips,
//         bybit/en-native, gate/en-table, gate/zh-cards, htx/zh-text, kraken/en-toggles, mexc/en-native, mexc/zh-custom.
//   wrap: controlFor looked for a label's control at most 3 levels up; wrappers (styled components, i18n spans) inside a
//         class-toggled control pushed it past; found on okx/en-chips (seed 20279964) and kraken/en-toggles (seed
//         1730585199). An element that only wraps the one below is no level now (read-form.ts ancestors).
//   split: a label's text in two adjacent text nodes was never one label; the reader now reads a run of adjacent
//         text nodes as one text (labels.ts textRun).
//   wrap of an area: areaOf looked for a control's area heading at most 4 levels up; found on gate/en-table (seed
//         20264126) and gate/zh-cards (seed 20272045).
describe('reader bugs found by fuzzing (read-form.ts), smallest cases', () => {
  const fixture = (exchange: string, file: string): FixturePage => {
    const found = PAGES.find((p) => p.exchange === exchange && p.file === file);
    if (!found) throw new Error(`no fixture ${exchange}/${file}`);
    return found;
  };
  const labelIn = (document: Document, adapter: ExchangeAdapter, text: string) => {
    const form = findKeyForm(document.documentElement, adapter);
    const element = form && elementWithText(form, text);
    if (!element) throw new Error(`no "${text}" in the form`);
    return element;
  };
  const wrap = (el: Element, times: number) => {
    for (let i = 0; i < times; i++) {
      const wrapper = el.ownerDocument.createElement('span');
      el.replaceWith(wrapper);
      wrapper.append(el);
    }
  };

  interface Case {
    name: string;
    exchange: string;
    permission: Permission;
    /** Still open in read-form.ts: the read is asserted in a `.fails` test. */
    open: boolean;
    /** Loads the page, makes the change, returns whether the page still shows the permission ticked. */
    arrange: (adapter: ExchangeAdapter) => Promise<{ document: Document; shownOn: boolean }>;
  }

  const cases: Case[] = [
    {
      name: 'okx/en-chips: the ticked Trade label nested 3 elements deeper inside its class-toggled control',
      exchange: 'okx',
      permission: 'trade',
      open: false,
      arrange: async (adapter) => {
        const document = await load(fixture('okx', 'en-chips.html'));
        const label = labelIn(document, adapter, 'Trade');
        wrap(label, 3);
        return { document, shownOn: label.closest('.perm-check')?.classList.contains('perm-check--checked') ?? false };
      },
    },
    {
      name: 'okx/en-chips: a tooltip repeating "Trade" inside the ticked Trade control',
      exchange: 'okx',
      permission: 'trade',
      open: false,
      arrange: async (adapter) => {
        const document = await load(fixture('okx', 'en-chips.html'));
        const control = labelIn(document, adapter, 'Trade').closest('.perm-check')!;
        const tooltip = document.createElement('span');
        tooltip.setAttribute('role', 'tooltip');
        tooltip.textContent = 'Trade';
        control.append(tooltip);
        return { document, shownOn: control.classList.contains('perm-check--checked') };
      },
    },
    {
      name: 'okx/zh-okui: the ticked 提币 (withdraw) label split over two text nodes',
      exchange: 'okx',
      permission: 'withdraw',
      open: false,
      arrange: async (adapter) => {
        const document = await load(fixture('okx', 'zh-okui.html'));
        const label = labelIn(document, adapter, '提币');
        (label.firstChild as Text).splitText(1);
        return {
          document,
          shownOn: label.textContent === '提币' && (label.closest('label')?.querySelector('input')?.checked ?? false),
        };
      },
    },
    {
      name: 'gate/en-table: the Perpetual Futures heading shown twice in its cell (a tooltip), "Read and Write" chosen',
      exchange: 'gate',
      permission: 'futures',
      open: false,
      arrange: async (adapter) => {
        const document = await load(fixture('gate', 'en-table.html'));
        const heading = labelIn(document, adapter, 'Perpetual Futures');
        const tooltip = document.createElement('span');
        tooltip.setAttribute('aria-hidden', 'true');
        tooltip.textContent = 'Perpetual Futures';
        heading.append(tooltip);
        const chosen = heading.closest('tr')?.querySelector<HTMLInputElement>('input:checked');
        return { document, shownOn: chosen?.parentElement?.textContent?.trim() === 'Read and Write' };
      },
    },
    {
      name: 'gate/en-table: the Spot row\'s chosen "Read and Write" radio inside 2 extra elements',
      exchange: 'gate',
      permission: 'trade',
      open: false,
      arrange: async (adapter) => {
        const document = await load(fixture('gate', 'en-table.html'));
        const row = labelIn(document, adapter, 'Spot').closest('tr')!;
        const chosen = row.querySelector<HTMLInputElement>('input:checked')!;
        wrap(chosen, 2);
        return {
          document,
          shownOn:
            chosen.checked && chosen.closest('label')?.textContent?.trim() === 'Read and Write' && row.contains(chosen),
        };
      },
    },
  ];

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const adapter = adapterById(c.exchange)!;

    test('the change keeps the label text and the control ticked', async () => {
      const { shownOn } = await c.arrange(adapter);
      expect(shownOn).toBe(true);
    });

    (c.open ? test.fails : test)(`${c.open ? 'KNOWN BUG: ' : ''}${c.permission} is read as ON`, async () => {
      const { document } = await c.arrange(adapter);
      const form = findKeyForm(document.documentElement, adapter);
      expect(form && readForm(form, adapter).permissions).toContain(c.permission);
    });
  });
});
