import { splitAllowList } from '../core/ip-allowlist';
import { PERMISSIONS, type KeyFormSnapshot, type Permission } from '../core/types';
import type { ExchangeAdapter } from '../exchanges/adapter';
import { containsAny, labelIndex, normalizeLabel } from './labels';

// The one DOM→data step. Fields are found by visible label text and semantics (label, aria, role, input type),
// never by the exchange's generated class names: those change with every release (EXCHANGES.md, OKX okui).

const CONTROL =
  'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="switch"], [role="menuitemcheckbox"], [aria-checked]';
const TEXT_ENTRY = 'textarea, input:not([type]), input[type="text"], input[type="search"], input[type="url"]';
const CHIP = 'li, [role="listitem"], [role="option"], [class*="tag" i], [class*="chip" i], [class*="selection-item" i]';
// A tag chip is also known by its remove button ("×", aria-label "Remove"), whatever its class names are.
const BUTTON = 'button, [role="button"]';
const REMOVE_NAME = /^(?:[×✕✖x]$|remove|delete|删除|移除)/i;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON']);
// Custom controls without a role that show their state by toggled classes only.
const TOGGLE_CLASS = /check|switch|toggle/i;
const ON_CLASS = /(^|[-_])(checked|active|selected|on)$/i;
// Fields that hold key material: never resolved, never read (DESIGN.md, hard rules).
const SECRET = /pass|secret|2fa|otp|one-time|verif|authenticat|captcha|密码|密钥|验证码/i;
const CLIMB_CONTROL = 3;
const CLIMB_FIELD = 4;

/** Where the parts of the form are, as found by one pass over its text. */
interface FormScan {
  permissions: Array<[Permission, Element]>;
  ipLabels: Element[];
  keyNameLabels: Element[];
  sectionLabels: Element[];
}

function scan(root: Element, adapter: ExchangeAdapter): FormScan {
  const { labels } = adapter;
  const permissionIndex = labelIndex(PERMISSIONS.map((p) => [p, labels.permissions[p] ?? []] as [Permission, readonly string[]]));
  const keyNameIndex = new Set(labels.keyName.map(normalizeLabel));
  const sectionIndex = new Set(labels.permissionSection.map(normalizeLabel));
  const result: FormScan = { permissions: [], ipLabels: [], keyNameLabels: [], sectionLabels: [] };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const raw = node.nodeValue ?? '';
    if (!parent || NOT_TEXT.has(parent.tagName) || raw.trim() === '') continue;
    const text = normalizeLabel(raw);
    const permission = permissionIndex.get(text);
    if (permission) result.permissions.push([permission, parent]);
    else if (keyNameIndex.has(text)) result.keyNameLabels.push(parent);
    else if (sectionIndex.has(text)) result.sectionLabels.push(parent);
    else if (text.length < 80 && containsAny(text, labels.ipField)) result.ipLabels.push(parent);
  }
  for (const field of root.querySelectorAll('textarea, input')) {
    const described = `${field.getAttribute('aria-label') ?? ''} ${field.getAttribute('placeholder') ?? ''}`;
    if (containsAny(described, labels.ipField)) result.ipLabels.push(field);
  }
  return result;
}

function isSecretField(field: Element): boolean {
  if (field.getAttribute('type') === 'password') return true;
  const described = ['name', 'id', 'autocomplete', 'aria-label', 'placeholder'].map((a) => field.getAttribute(a) ?? '').join(' ');
  return SECRET.test(described);
}

function labelTarget(label: Element): Element | null {
  const wrapper = label.closest('label');
  if (!wrapper) return null;
  const forId = wrapper.getAttribute('for');
  return forId ? wrapper.ownerDocument.getElementById(forId) : null;
}

function labelledBy(label: Element, boundary: Element, selector: string): Element | null {
  const id = label.id || label.closest('label')?.id;
  if (!id) return null;
  const named = Array.from(boundary.querySelectorAll('[aria-labelledby]'));
  return named.find((el) => el.matches(selector) && (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(id)) ?? null;
}

/**
 * The checkbox, switch or toggled element that a permission label belongs to. `labels` are all the
 * permission labels found: climbing stops below an element that holds another one.
 */
function controlFor(label: Element, boundary: Element, labels: readonly Element[]): Element | undefined {
  const own = label.closest(CONTROL);
  if (own && boundary.contains(own)) return own;
  const direct = labelTarget(label) ?? label.closest('label')?.querySelector(CONTROL) ?? labelledBy(label, boundary, CONTROL);
  if (direct) return direct;
  // The outermost class-toggled element wins: BEM parts such as `perm-check__text` carry the same word as the
  // element whose modifier holds the state (`perm-check perm-check--checked`).
  const holdsAnother = (el: Element) => labels.some((other) => other !== label && el.contains(other));
  let toggled: Element | undefined;
  for (let node: Element | null = label, depth = 0; node && depth <= CLIMB_CONTROL && boundary.contains(node); node = node.parentElement, depth++) {
    if (holdsAnother(node)) break;
    const controls = node.querySelectorAll(CONTROL);
    if (controls.length === 1) return controls[0];
    if (controls.length > 1) return undefined;
    if (TOGGLE_CLASS.test(node.getAttribute('class') ?? '')) toggled = node;
  }
  return toggled;
}

/** Whether a control shows "on"; class-toggled controls count as on when a class says checked/active/selected/on. */
function isOn(control: Element): boolean {
  if (control.tagName === 'INPUT') return (control as HTMLInputElement).checked;
  const aria = control.getAttribute('aria-checked') ?? control.getAttribute('aria-pressed');
  if (aria !== null) return aria === 'true' || aria === 'mixed';
  const onClass = (el: Element) => Array.from(el.classList).some((token) => ON_CLASS.test(token));
  return onClass(control) || Array.from(control.querySelectorAll('[class]')).some(onClass);
}

interface TextField {
  field: HTMLInputElement | HTMLTextAreaElement;
  /** The smallest element holding both the label and the field: where tag chips live. */
  item: Element;
}

/** The text field a label names, never a secret one. */
function textFieldFor(label: Element, boundary: Element): TextField | undefined {
  const accept = (el: Element | null | undefined): el is HTMLInputElement | HTMLTextAreaElement =>
    !!el && el.matches(TEXT_ENTRY) && !isSecretField(el);
  if (accept(label)) return { field: label, item: label.parentElement ?? label };
  const direct = labelTarget(label) ?? label.closest('label')?.querySelector(TEXT_ENTRY) ?? labelledBy(label, boundary, TEXT_ENTRY);
  if (accept(direct)) return { field: direct, item: label.closest('label') ?? direct.parentElement ?? direct };
  for (let node = label.parentElement, depth = 0; node && depth < CLIMB_FIELD && boundary.contains(node); node = node.parentElement, depth++) {
    const field = Array.from(node.querySelectorAll(TEXT_ENTRY)).find((el) => !isSecretField(el));
    if (accept(field)) return { field, item: node };
  }
  return undefined;
}

/** Text of an element without its buttons (a chip's "×"). */
function chipText(chip: Element): string {
  let text = '';
  const walker = chip.ownerDocument.createTreeWalker(chip, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('button, [role="button"], [aria-hidden="true"]')) text += node.nodeValue ?? '';
  }
  return text.trim();
}

function isRemoveButton(button: Element): boolean {
  const name = button.getAttribute('aria-label') ?? button.getAttribute('title') ?? button.textContent ?? '';
  return REMOVE_NAME.test(name.trim());
}

/** IP entries as typed: committed tag chips, then whatever is still in the field. */
function readIpEntries({ field, item }: TextField, labels: readonly Element[]): string[] {
  const candidates = Array.from(item.querySelectorAll(`${CHIP}, ${BUTTON}`), (el) =>
    el.matches(CHIP) ? el : isRemoveButton(el) ? el.parentElement : null,
  );
  const chips = Array.from(new Set(candidates)).filter(
    (chip): chip is Element =>
      !!chip && !chip.querySelector(CHIP) && !chip.contains(field) && !labels.some((label) => chip.contains(label)),
  );
  return [...chips.flatMap((chip) => splitAllowList(chipText(chip))), ...splitAllowList(field.value)];
}

function lowestCommonAncestor(elements: readonly Element[]): Element | undefined {
  const [first, ...rest] = elements;
  let candidate: Element | null = first ?? null;
  while (candidate && !rest.every((el) => candidate!.contains(el))) candidate = candidate.parentElement;
  return candidate ?? undefined;
}

/**
 * Finds the key-creation form: the smallest element holding the permission controls together with the
 * IP field or the permission heading. Undefined until the exchange has rendered them.
 */
export function findKeyForm(root: Element, adapter: ExchangeAdapter): Element | undefined {
  const found = scan(root, adapter);
  const labels = found.permissions.map(([, label]) => label);
  const controls = labels.map((label) => controlFor(label, root, labels)).filter((c): c is Element => !!c);
  if (controls.length === 0) return undefined;
  const ipField = found.ipLabels.map((label) => textFieldFor(label, root)).find(Boolean);
  const anchor = ipField?.field ?? found.sectionLabels[0];
  return anchor ? lowestCommonAncestor([anchor, ...controls]) : undefined;
}

/** Reads the form into a snapshot; `form` comes from {@link findKeyForm}. */
export function readForm(form: Element, adapter: ExchangeAdapter): KeyFormSnapshot {
  const found = scan(form, adapter);
  const ticked = new Set<Permission>();
  const labels = found.permissions.map(([, label]) => label);
  for (const [permission, label] of found.permissions) {
    const control = controlFor(label, form, labels);
    if (control && isOn(control)) ticked.add(permission);
  }
  const ipField = found.ipLabels.map((label) => textFieldFor(label, form)).find(Boolean);
  const nameField = found.keyNameLabels.map((label) => textFieldFor(label, form)).find((f) => f && f.field !== ipField?.field);
  return {
    exchange: adapter.id,
    permissions: PERMISSIONS.filter((p) => ticked.has(p)),
    ipEntries: ipField ? readIpEntries(ipField, found.ipLabels) : [],
    ipFieldFound: ipField !== undefined,
    keyName: nameField?.field.value.trim() ?? '',
  };
}
