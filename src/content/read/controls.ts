/**
 * What a control on an exchange's form is, and whether it is on: the primitives shared by the form reader, the
 * permission-area reader and the choice reader. Controls are found by semantics (input type, role, aria state) and,
 * for custom ones without a role, by toggled class names; never by an exchange's generated class names alone.
 */

export const CONTROL =
  'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="switch"], [role="radio"], [role="menuitemcheckbox"], [aria-checked], [aria-pressed]';
export const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON']);
// Custom controls without a role that show their state by toggled classes only.
export const TOGGLE_CLASS = /check|switch|toggle/i;
export const TOGGLED = '[class*="check" i], [class*="switch" i], [class*="toggle" i]';
export const ON_CLASS = /(^|[-_])(checked|active|selected|on)$/i;
// Fields that hold key material: never resolved, never read (docs/design.md, hard rules).
export const SECRET = /pass|secret|2fa|otp|one-time|verif|authenticat|captcha|密码|密钥|验证码/i;
const CLIMB_CONTROL = 3;

/** Whether an element only wraps the one below it (styled components, i18n spans): climbing through it is no step. */
export function isWrapper(el: Element): boolean {
  return (
    el.childElementCount === 1 &&
    Array.from(el.childNodes).every((node) => node.nodeType !== Node.TEXT_NODE || !node.nodeValue?.trim())
  );
}

/** `start` and its ancestors inside `boundary`, up to `levels` levels above it; wrappers do not count as levels. */
export function* ancestors(start: Element, levels: number, boundary: Element): Generator<Element> {
  for (
    let node: Element | null = start, level = 0;
    node && level <= levels && boundary.contains(node);
    node = node.parentElement
  ) {
    yield node;
    if (!isWrapper(node)) level++;
  }
}

/** A label the reader resolves to a control, with what it means: two copies of one label mean the same. */
export type ChoiceLabel = readonly [meaning: string, label: Element];

export function isSecretField(field: Element): boolean {
  if (field.getAttribute('type')?.toLowerCase() === 'password') return true;
  const described = ['name', 'id', 'autocomplete', 'aria-label', 'placeholder']
    .map((a) => field.getAttribute(a) ?? '')
    .join(' ');
  return SECRET.test(described);
}

export function labelTarget(label: Element): Element | null {
  const wrapper = label.closest('label');
  if (!wrapper) return null;
  const forId = wrapper.getAttribute('for');
  return forId ? wrapper.ownerDocument.getElementById(forId) : null;
}

export function labelledBy(label: Element, boundary: Element, selector: string): Element | null {
  const id = label.id || label.closest('label')?.id;
  if (!id) return null;
  const named = Array.from(boundary.querySelectorAll('[aria-labelledby]'));
  return (
    named.find((el) => el.matches(selector) && (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(id)) ??
    null
  );
}

/**
 * The checkbox, switch or toggled element that a permission label belongs to. `labels` are all the choice labels
 * found: climbing stops below an element that holds another one (a copy of the same label does not count: pages
 * repeat a label in a tooltip or a screen-reader text inside its own control).
 */
export function controlFor(label: Element, boundary: Element, labels: readonly ChoiceLabel[]): Element | undefined {
  const own = label.closest(CONTROL);
  if (own && boundary.contains(own)) return own;
  const direct =
    labelTarget(label) ?? label.closest('label')?.querySelector(CONTROL) ?? labelledBy(label, boundary, CONTROL);
  if (direct) return direct;
  // The outermost class-toggled element wins: BEM parts such as `perm-check__text` carry the same word as the
  // element whose modifier holds the state (`perm-check perm-check--checked`).
  const meaning = labels.find(([, element]) => element === label)?.[0];
  const holdsAnother = (el: Element) =>
    labels.some(([m, other]) => other !== label && m !== meaning && el.contains(other));
  let toggled: Element | undefined;
  for (const node of ancestors(label, CLIMB_CONTROL, boundary)) {
    if (holdsAnother(node)) break;
    const controls = node.querySelectorAll(CONTROL);
    if (controls.length === 1) return controls[0];
    if (controls.length > 1) return undefined;
    if (TOGGLE_CLASS.test(node.getAttribute('class') ?? '')) toggled = node;
  }
  return toggled;
}

/** Whether a control shows "on"; class-toggled controls count as on when a class says checked/active/selected/on. */
export function isOn(control: Element): boolean {
  if (control.tagName === 'INPUT') return (control as HTMLInputElement).checked;
  const aria = control.getAttribute('aria-checked') ?? control.getAttribute('aria-pressed');
  if (aria !== null) return aria === 'true' || aria === 'mixed';
  const onClass = (el: Element) => Array.from(el.classList).some((token) => ON_CLASS.test(token));
  return onClass(control) || Array.from(control.querySelectorAll('[class]')).some(onClass);
}
