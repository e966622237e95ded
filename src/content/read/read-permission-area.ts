import { moneyPermission } from '../../core/money-words';
import { MAX_LABEL_CHARS, type Permission } from '../../core/types';
import { ancestors, CONTROL, isOn, NOT_TEXT, TOGGLED } from './controls';

// Unknown is never absent (docs/design.md, contracts): every control in the permission area that no label of the
// adapter names is read with its own label text. Exchanges rename, regroup and add permissions (Kraken Pro's "Funds
// permissions", KuCoin's "Transfer (Not Recommended)", 2023–2024): KeyScope must say "I cannot tell what X does" then.

/** A control-like element: a real control, an aria toggle, or a custom element showing its state by class. */
const CANDIDATE = `${CONTROL}, ${TOGGLED}`;
/** How far up from a control its label and description are looked for; wrappers do not count. */
const CLIMB_LABEL = 3;
/** Texts longer than this are not read at all (a paragraph, a key shown on the page): not a label, not a description. */
const MAX_TEXT_CHARS = 300;
/** An IP on/off switch or IP choice is part of the IP step, never a permission ("IP address restriction", Kraken Pro). */
const IP_WORD = /(?:^|[^\p{L}])ip(?:[^\p{L}]|$)/iu;

/** What the form reader already knows about the form, for finding the controls nobody named. */
export interface AreaInput {
  form: Element;
  /** Controls that a permission label or an area heading resolved to: the permission area is the group around them. */
  known: readonly Element[];
  /** Every control already accounted for (permissions, areas, read-only, IP choice, key types, neutral, partner, expiry). */
  claimed: readonly Element[];
  /** Controls inside a permission area (Gate "Spot", Bybit "Contract"): they count as the area's permission. */
  inArea: (control: Element) => boolean;
  /** Parts of the form that belong to other steps (the IP field and its chips). */
  excluded: readonly Element[];
}

/** A control in the permission area that no label names, as found. */
export interface UnnamedControl {
  control: Element;
  /** Its label as the page shows it, white space folded, at most {@link MAX_LABEL_CHARS} characters; '' for none. */
  label: string;
  on: boolean;
  /** The fund-moving permission its label or description speaks of (money words), if any. */
  money?: Extract<Permission, 'withdraw' | 'transfer'>;
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The short texts under `root`, in page order; texts longer than {@link MAX_TEXT_CHARS} are skipped by their length. */
function shortTexts(root: Element, skip?: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // A button's text is its action, unless the button is itself a control (a toggle with aria-pressed).
    if (!parent || (NOT_TEXT.has(parent.tagName) && !parent.matches(CONTROL)) || (skip && skip.contains(node)))
      continue;
    if ((node as Text).length > MAX_TEXT_CHARS) continue;
    const text = fold(node.nodeValue ?? '');
    if (text) texts.push(text);
  }
  return texts;
}

function lowestCommonAncestor(elements: readonly Element[]): Element | undefined {
  const [first, ...rest] = elements;
  let candidate: Element | null = first ?? null;
  while (candidate && !rest.every((el) => candidate!.contains(el))) candidate = candidate.parentElement;
  return candidate ?? undefined;
}

/**
 * The permission area: the smallest element around the known permission controls that holds more than one
 * control, so that a permission the adapter does not know, next to the one it does, is inside.
 */
function areaRoot(form: Element, known: readonly Element[]): Element | undefined {
  let root = lowestCommonAncestor(known);
  if (!root) return undefined;
  while (root !== form && root.parentElement && form.contains(root.parentElement) && clusters(root).length < 2)
    root = root.parentElement;
  return root;
}

/**
 * The controls under `root`, one element each: a native input inside a styled switch is one control with it, and
 * of the class-toggled parts of a custom control (`perm-check`, `perm-check__box`) the outermost stands for it.
 */
function clusters(root: Element): Element[] {
  const all = [...(root.matches(CANDIDATE) ? [root] : []), ...root.querySelectorAll(CANDIDATE)];
  const real = all.filter((el) => el.matches(CONTROL));
  // A class-toggled element holding one real control is that control; holding several, it is a group, not a control.
  const toggledOnly = all.filter((el) => !el.matches(CONTROL) && !real.some((c) => el.contains(c)));
  const leaves = toggledOnly.filter((el) => !toggledOnly.some((other) => other !== el && el.contains(other)));
  const outermost = leaves.map((leaf) => {
    let top = leaf;
    for (
      let up = leaf.parentElement;
      up && toggledOnly.includes(up) && leaves.filter((l) => up!.contains(l)).length === 1;
      up = up.parentElement
    )
      top = up;
    return top;
  });
  // A real control inside another (a checkbox inside an element with role=switch) is the outer one's.
  const outerReal = real.filter((el) => !real.some((other) => other !== el && other.contains(el)));
  return [...outerReal, ...new Set(outermost)];
}

/** Radios of one group: the same `name` in the form, or the same `role=radiogroup`. */
function radioGroup(control: Element, form: Element): Element[] {
  if (control instanceof HTMLInputElement && control.type === 'radio' && control.name) {
    return Array.from(form.querySelectorAll('input[type="radio"]')).filter(
      (el) => (el as HTMLInputElement).name === control.name,
    );
  }
  const group = control.getAttribute('role') === 'radio' ? control.closest('[role="radiogroup"]') : null;
  return group ? Array.from(group.querySelectorAll('[role="radio"]')) : [];
}

/** The element holding a control and its own texts: the highest ancestor that holds no other control. */
function itemOf(control: Element, others: readonly Element[], boundary: Element): Element {
  let item = control;
  for (const node of ancestors(control, CLIMB_LABEL, boundary)) {
    if (others.some((other) => other !== control && !control.contains(other) && node.contains(other))) break;
    item = node;
  }
  return item;
}

/** Texts that name a control: its `<label>`s, aria-label, aria-labelledby, then its own or its item's texts. */
function namingTexts(control: Element, item: Element): string[] {
  const labels = control instanceof HTMLInputElement ? Array.from(control.labels ?? []) : [];
  const fromLabels = labels.flatMap((label) => shortTexts(label));
  if (fromLabels.length) return fromLabels;
  const aria = control.getAttribute('aria-label');
  if (aria?.trim()) return [fold(aria)];
  const ids = (control.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const byId = ids.flatMap((id) => {
    const named = control.ownerDocument.getElementById(id);
    return named ? shortTexts(named) : [];
  });
  if (byId.length) return byId;
  return shortTexts(item);
}

/** What is printed right under a control's item ("This permission allows you to withdraw assets", KuCoin 2023). */
function descriptionOf(item: Element): string[] {
  const next = item.nextElementSibling;
  return next && !next.matches(CANDIDATE) && !next.querySelector(CANDIDATE) ? shortTexts(next) : [];
}

/**
 * Every control in the permission area that the adapter does not name, with its label, its state and what its
 * words say about money. Controls of other steps (IP switches and fields) are left to those steps.
 */
export function unnamedControls({ form, known, claimed, inArea, excluded }: AreaInput): UnnamedControl[] {
  const root = areaRoot(form, known);
  if (!root) return [];
  const controls = clusters(root);
  const accounted = (el: Element) =>
    claimed.some((c) => c === el || c.contains(el) || el.contains(c)) ||
    excluded.some((part) => part.contains(el)) ||
    radioGroup(el, form).some((radio) => claimed.some((c) => c === radio || c.contains(radio) || radio.contains(c)));
  const result: UnnamedControl[] = [];
  for (const control of controls) {
    if (accounted(control) || inArea(control)) continue;
    const item = itemOf(control, controls, root);
    const texts = namingTexts(control, item);
    const label = fold(texts[0] ?? '').slice(0, MAX_LABEL_CHARS);
    if (IP_WORD.test(label)) continue;
    const money = moneyPermission(texts.join(' ')) ?? moneyPermission(descriptionOf(item).join(' '));
    result.push({ control, label, on: isOn(control), ...(money ? { money } : {}) });
  }
  return result;
}
