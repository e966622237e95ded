import { splitAllowList } from '../../core/ip-allowlist';
import {
  KEY_TYPES,
  MAX_LABEL_CHARS,
  PERMISSIONS,
  type KeyFormSnapshot,
  type KeyType,
  type Permission,
  type ReadCap,
} from '../../core/types';
import type { ExchangeAdapter } from '../../exchanges/adapter';
import { saysWhatItIsFor } from './form-context';
import {
  ancestors,
  controlFor,
  CONTROL,
  isOn,
  isSecretField,
  labelTarget,
  labelledBy,
  NOT_TEXT,
  TOGGLED,
  type ChoiceLabel,
} from './controls';
import { unnamedControls } from './read-permission-area';
import { capList, capText } from './read-caps';
import { chosenValue, isChosen, readExpiry, SWITCH } from './read-choices';
import {
  containsAny,
  exactLabel,
  labelIndex,
  labelInitials,
  labelLengthLimit,
  labelReader,
  mayStartLabel,
  textRun,
  type CharSource,
  type LabelAt,
} from './labels';

// The one DOM→data step. Fields are found by visible label text and semantics (label, aria, role, input type),
// never by the exchange's generated class names: those change with every release (docs/exchanges.md, OKX okui).

const TEXT_ENTRY = 'textarea, input:not([type]), input[type="text"], input[type="search"], input[type="url"]';
const CHIP = 'li, [role="listitem"], [role="option"], [class*="tag" i], [class*="chip" i], [class*="selection-item" i]';
// A tag chip is also known by its remove button ("×", aria-label "Remove"), whatever its class names are.
const BUTTON = 'button, [role="button"]';
const REMOVE_NAME = /^(?:[×✕✖x]$|remove|delete|删除|移除)/i;
const CLIMB_FIELD = 4;

/** Where the parts of the form are, as found by one pass over its text. */
interface FormScan {
  permissions: Array<[Permission, Element]>;
  /** Area headings (Gate "Spot", Bybit "Contract"), with the permission write access there grants. */
  areas: Array<[Permission, Element]>;
  /** The key-wide read-only choice (Bybit "Read-Only"). */
  readOnly: Element[];
  /** The "no IP restriction" choice (Binance "Unrestricted (Less Secure)"). */
  unrestricted: Element[];
  keyTypes: Array<[KeyType, Element]>;
  ipLabels: Element[];
  keyNameLabels: Element[];
  sectionLabels: Element[];
  /** Controls in the permission area that grant nothing themselves (Bitget "Select all"). */
  neutral: Element[];
  /** The choice that has the exchange bind the key to a partner's servers (OKX "Binding third-party apps"). */
  partnerChoices: Element[];
  /** The label of the partner picker. */
  partnerFields: Element[];
  /** The label of the exchange's own key expiry (Kraken Pro "Key expiration"). */
  expiryLabels: Element[];
}

/** The scan's lists of elements, one per kind of label that has no value of its own. */
type PlainKind =
  'readOnly' | 'unrestricted' | 'keyName' | 'section' | 'neutral' | 'partner' | 'partnerField' | 'expiry';

/** What a short text of the form is; the kinds listed later win when an adapter gives one text twice. */
type Tag =
  { kind: 'permission' | 'area'; permission: Permission } | { kind: 'keyType'; keyType: KeyType } | { kind: PlainKind };

/** How one adapter's texts are recognised; built once: the form is read again on every change the user makes. */
interface TextMatcher {
  /** The kind of a short text that is exactly one of the adapter's labels. */
  tagOf: (text: CharSource) => Tag | undefined;
  /** Whether a text starts with an IP-field label ("IP address allowlist (optional)"). */
  ipLabelAt: (text: CharSource) => LabelAt<true> | undefined;
  /** The first characters of every label, lower case: a text starting otherwise (a price, a time) is none of them. */
  initials: ReadonlySet<string>;
}

const MATCHERS = new WeakMap<ExchangeAdapter, TextMatcher>();

function matcherFor(adapter: ExchangeAdapter): TextMatcher {
  const cached = MATCHERS.get(adapter);
  if (cached) return cached;
  const { labels } = adapter;
  const each = <K extends string>(
    keys: readonly K[],
    tag: (key: K) => Tag,
    texts: (key: K) => readonly string[] | undefined,
  ) => keys.map((key): [Tag, readonly string[]] => [tag(key), texts(key) ?? []]);
  const index = labelIndex<Tag>([
    [{ kind: 'section' }, labels.permissionSection],
    [{ kind: 'keyName' }, labels.keyName],
    [{ kind: 'partnerField' }, labels.partnerField ?? []],
    [{ kind: 'expiry' }, labels.keyExpiry ?? []],
    ...each(
      PERMISSIONS,
      (permission) => ({ kind: 'area', permission }),
      (p) => labels.permissionAreas?.[p],
    ),
    ...each(
      PERMISSIONS,
      (permission) => ({ kind: 'permission', permission }),
      (p) => labels.permissions[p],
    ),
    [{ kind: 'readOnly' }, labels.readOnlyMode ?? []],
    [{ kind: 'unrestricted' }, labels.ipUnrestricted ?? []],
    ...each(
      KEY_TYPES,
      (keyType) => ({ kind: 'keyType', keyType }),
      (t) => labels.keyTypes?.[t],
    ),
    [{ kind: 'neutral' }, labels.neutral ?? []],
    [{ kind: 'partner' }, labels.partnerBinding ?? []],
  ]);
  // Texts longer than any label are skipped by their length, unread: a key or secret shown on the page is one.
  const maxLength = labelLengthLimit(index);
  const matcher: TextMatcher = {
    tagOf: (text) => exactLabel(text, index, maxLength),
    ipLabelAt: labelReader([[true, labels.ipField]]),
    initials: labelInitials([...index.keys(), ...labels.ipField]),
  };
  MATCHERS.set(adapter, matcher);
  return matcher;
}

function scan(root: Element, adapter: ExchangeAdapter): FormScan {
  const { tagOf, ipLabelAt } = matcherFor(adapter);
  const { ipField } = adapter.labels;
  const result: FormScan = {
    permissions: [],
    areas: [],
    readOnly: [],
    unrestricted: [],
    keyTypes: [],
    ipLabels: [],
    keyNameLabels: [],
    sectionLabels: [],
    neutral: [],
    partnerChoices: [],
    partnerFields: [],
    expiryLabels: [],
  };
  const plain: Record<PlainKind, Element[]> = {
    readOnly: result.readOnly,
    unrestricted: result.unrestricted,
    keyName: result.keyNameLabels,
    section: result.sectionLabels,
    neutral: result.neutral,
    partner: result.partnerChoices,
    partnerField: result.partnerFields,
    expiry: result.expiryLabels,
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // A button's text is its action ("Trade now"), unless the button is itself a choice (role=radio, switch).
    if (!parent || (NOT_TEXT.has(parent.tagName) && !parent.matches(CONTROL))) continue;
    // Page text is only ever matched against labels: exactly (short texts) or by its first characters (IP labels).
    const text = textRun(node as Text);
    if (!text || text.length === 0) continue;
    const tag = tagOf(text);
    if (tag?.kind === 'permission') result.permissions.push([tag.permission, parent]);
    else if (tag?.kind === 'area') result.areas.push([tag.permission, parent]);
    else if (tag?.kind === 'keyType') result.keyTypes.push([tag.keyType, parent]);
    else if (tag) plain[tag.kind].push(parent);
    else if (ipLabelAt(text)) result.ipLabels.push(parent);
  }
  for (const field of root.querySelectorAll('textarea, input')) {
    const described = `${field.getAttribute('aria-label') ?? ''} ${field.getAttribute('placeholder') ?? ''}`;
    if (containsAny(described, ipField)) result.ipLabels.push(field);
  }
  return result;
}

/** Every label of a choice the reader resolves to a control: climbing from one label stops below another. */
function choiceLabels(found: FormScan): ChoiceLabel[] {
  return [
    ...found.permissions.map(([p, label]): ChoiceLabel => [`permission ${p}`, label]),
    ...found.areas.map(([p, label]): ChoiceLabel => [`area ${p}`, label]),
    ...found.keyTypes.map(([t, label]): ChoiceLabel => [`key type ${t}`, label]),
    ...found.readOnly.map((label): ChoiceLabel => ['read-only', label]),
    ...found.unrestricted.map((label): ChoiceLabel => ['unrestricted', label]),
    ...found.neutral.map((label): ChoiceLabel => ['neutral', label]),
    ...found.partnerChoices.map((label): ChoiceLabel => ['partner', label]),
    ...found.expiryLabels.map((label): ChoiceLabel => ['expiry', label]),
  ];
}

/**
 * The permission of the area heading nearest above a control, however deep the wrappers between them; none when
 * headings of different areas are as near, or when the nearest is only the whole form's (a box outside every area).
 * A heading's copy (a tooltip, a screen-reader text) names the same area. A heading inside a sibling row that holds
 * controls of its own is that row's, not the control's: MEXC 2022 nests the "Withdraw：" and "Transfer：" rows inside
 * its "Spot" group, beside the Account and Trade rows.
 */
function areaOf(
  control: Element,
  areas: ReadonlyArray<[Permission, Element]>,
  boundary: Element,
): Permission | undefined {
  for (
    let node = control.parentElement;
    node && node !== boundary && boundary.contains(node);
    node = node.parentElement
  ) {
    const within = areas.filter(([, heading]) => node.contains(heading));
    if (within.length === 0) continue;
    const own = within.filter(([, heading]) => !inOtherRow(heading, node, control));
    const inside = new Set((own.length > 0 ? own : within).map(([permission]) => permission));
    return inside.size === 1 ? [...inside][0] : undefined;
  }
  return undefined;
}

/** Whether `heading` sits in a child of `node` that holds controls, other than the one holding `control`. */
function inOtherRow(heading: Element, node: Element, control: Element): boolean {
  const row = Array.from(node.children).find((child) => child.contains(heading));
  return !!row && !row.contains(control) && row.querySelector(`${CONTROL}, ${TOGGLED}`) !== null;
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
  const direct =
    labelTarget(label) ?? label.closest('label')?.querySelector(TEXT_ENTRY) ?? labelledBy(label, boundary, TEXT_ENTRY);
  if (accept(direct)) return { field: direct, item: label.closest('label') ?? direct.parentElement ?? direct };
  for (const node of label.parentElement ? ancestors(label.parentElement, CLIMB_FIELD - 1, boundary) : []) {
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

/** IP entries as typed: committed tag chips, then whatever is still in the field; as many and as long as the caps allow. */
function readIpEntries({ field, item }: TextField, labels: readonly Element[], capped: ReadCap[]): string[] {
  const candidates = Array.from(item.querySelectorAll(`${CHIP}, ${BUTTON}`), (el) =>
    el.matches(CHIP) ? el : isRemoveButton(el) ? el.parentElement : null,
  );
  const chips = Array.from(new Set(candidates)).filter(
    (chip): chip is Element =>
      !!chip && !chip.querySelector(CHIP) && !chip.contains(field) && !labels.some((label) => chip.contains(label)),
  );
  const entries = [...chips.flatMap((chip) => splitAllowList(chipText(chip))), ...splitAllowList(field.value)];
  return capList(entries, 'ip-entries', capped).map((entry) => capText(entry, 'ip-entry', capped));
}

function lowestCommonAncestor(elements: readonly Element[]): Element | undefined {
  const [first, ...rest] = elements;
  let candidate: Element | null = first ?? null;
  while (candidate && !rest.every((el) => candidate!.contains(el))) candidate = candidate.parentElement;
  return candidate ?? undefined;
}

/** The on/off switch a label names directly: the label inside it, its `for`, or its `aria-labelledby`. */
function switchOf(label: Element, boundary: Element): Element | undefined {
  const target = label.closest(SWITCH) ?? labelTarget(label) ?? labelledBy(label, boundary, SWITCH);
  return target?.matches(SWITCH) ? target : undefined;
}

/** Whether the user can change a control or field now: not disabled, by itself or by its fieldset. */
function isEnabled(element: Element): boolean {
  return !element.matches(':disabled') && element.getAttribute('aria-disabled') !== 'true';
}

const CARD_TITLE = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const CARD_CLIMB = 4;

/** The title of the listed key's card that holds the form (Binance: the key's label): the nearest heading above it. */
function cardTitle(form: Element): string {
  for (let node = form.parentElement, level = 0; node && level < CARD_CLIMB; node = node.parentElement, level++) {
    const title = Array.from(node.querySelectorAll(CARD_TITLE)).find(
      (heading) => !form.contains(heading) && heading.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (title) return shownText(title);
  }
  return '';
}

/** An element's text as a user reads it, white space folded, cut to the longest label a snapshot carries. */
function shownText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_CHARS);
}

const FORM_PART = `${CONTROL}, textarea, input`;

/**
 * Whether a node added to the page, or a text that changed, could complete a key form: it is or holds one of the
 * adapter's labels, or a control or text field. Cheap enough to run on every mutation of a page with no form yet
 * (an order book's rows hold neither), so the whole-page search runs only when it can find something new.
 */
export function couldBeFormPart(node: Node, adapter: ExchangeAdapter): boolean {
  const { tagOf, ipLabelAt, initials } = matcherFor(adapter);
  const isLabel = (text: Text) => {
    const run = textRun(text) ?? text;
    return mayStartLabel(run, initials) && (tagOf(run) !== undefined || ipLabelAt(run) !== undefined);
  };
  if (node.nodeType === Node.TEXT_NODE) return isLabel(node as Text);
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  if (element.matches(FORM_PART) || element.querySelector(FORM_PART)) return true;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) if (isLabel(text as Text)) return true;
  return false;
}

/**
 * Finds the key-creation form: the smallest element holding the permission controls together with the
 * IP field or the permission heading. Undefined until the exchange has rendered them. An adapter's `recognition`
 * (the generic one's) asks for more: enough permission controls, and a form that says it is about an API key.
 */
export function findKeyForm(root: Element, adapter: ExchangeAdapter): Element | undefined {
  const found = scan(root, adapter);
  const labels = choiceLabels(found);
  // Area headings are left out here: "Spot" or "Options" is also a menu link in the page's header.
  const permissionLabels = [...found.permissions.map(([, label]) => label), ...found.readOnly];
  // Where restrictions are edited on a listed key's card (Binance), every card shows them, disabled: only the card
  // being edited, whose controls are enabled, is the form.
  const editable = adapter.labels.editRestrictions ? isEnabled : () => true;
  const controls = permissionLabels
    .map((label) => controlFor(label, root, labels))
    .filter((c): c is Element => !!c && editable(c));
  const { recognition } = adapter;
  if (new Set(controls).size < (recognition?.minPermissionControls ?? 1)) return undefined;
  // Binance renders its IP field only once "Restrict access" is chosen: the "Unrestricted" choice anchors the form too.
  const ipChoice = found.unrestricted.map((label) => controlFor(label, root, labels)).find((c) => c && editable(c));
  const ipField = found.ipLabels.map((label) => textFieldFor(label, root)).find((f) => f && editable(f.field));
  // A key the exchange binds to a partner has no IP field: the chosen partner option and its picker belong to the form
  // (KuCoin's "Link Third-Party Applications" tab sits above the form element, 2023).
  const partner = found.partnerChoices.find((label) => isChosen(label, root, labels));
  const partnerParts = partner ? [partner, ...found.partnerFields] : [];
  const anchor = ipField?.field ?? ipChoice ?? found.sectionLabels[0];
  const form = anchor
    ? lowestCommonAncestor([anchor, ...(ipChoice ? [ipChoice] : []), ...controls, ...partnerParts])
    : undefined;
  return form && (!recognition || saysWhatItIsFor(form, recognition.requiredContext)) ? form : undefined;
}

/**
 * Reads the form into a snapshot; `form` comes from {@link findKeyForm}. `now` dates an expiry the form gives as a
 * calendar date.
 */
export function readForm(form: Element, adapter: ExchangeAdapter, now = Date.now()): KeyFormSnapshot {
  const found = scan(form, adapter);
  const ticked = new Set<Permission>();
  const labels = choiceLabels(found);
  // Controls that belong to a known label; the others inside an area count as the area's permission.
  const claimed: Element[] = [];
  // Controls that a permission label or an area heading names: the permission area is the group around them.
  const known: Element[] = [];
  // Permissions with a label on the page and a control found for it: a label without one is a state not read.
  const resolved = new Set<Permission>();
  const claim = (label: Element): Element | undefined => {
    const control = controlFor(label, form, labels);
    if (control) claimed.push(control);
    return control;
  };
  const onControl = (label: Element): boolean => {
    const control = claim(label);
    return !!control && isOn(control);
  };
  for (const [permission, label] of found.permissions) {
    const control = claim(label);
    if (!control) continue;
    known.push(control);
    resolved.add(permission);
    if (isOn(control)) ticked.add(permission);
  }
  const readOnly = found.readOnly.map(onControl).includes(true);
  // An IP restriction switch that is off (Kraken Pro "IP address restriction", 2024) binds no IP, as an "Unrestricted"
  // choice that is on does: whatever field is left near its label (Kraken Pro's nonce window) is no IP list.
  const ipSwitches = found.ipLabels.map((label) => switchOf(label, form)).filter((c): c is Element => !!c);
  claimed.push(...ipSwitches);
  const unrestricted = found.unrestricted.map(onControl).includes(true) || ipSwitches.some((control) => !isOn(control));
  const keyTypes = found.keyTypes.filter(([, label]) => onControl(label));
  for (const [permission, heading] of found.areas) {
    const control = controlFor(heading, form, labels);
    if (control && !claimed.includes(control) && isOn(control)) ticked.add(permission);
    if (control) {
      claimed.push(control);
      known.push(control);
    }
  }
  // Choices that grant nothing, the partner choice and the expiry switch are accounted for: never unknown permissions.
  for (const label of [...found.neutral, ...found.partnerChoices, ...found.expiryLabels]) claim(label);
  if (found.areas.length > 0) {
    for (const control of form.querySelectorAll(`${CONTROL}, ${TOGGLED}`)) {
      if (!isOn(control) || claimed.some((c) => c.contains(control) || control.contains(c))) continue;
      const area = areaOf(control, found.areas, form);
      if (area) ticked.add(area);
    }
  }
  const ipField = found.ipLabels.map((label) => textFieldFor(label, form)).find(Boolean);
  // Unknown is never absent: a control nobody named counts by its money words, or is reported by its label.
  const unknown: string[] = [];
  if (!readOnly) {
    const inArea = (control: Element) => found.areas.length > 0 && areaOf(control, found.areas, form) !== undefined;
    const ipPart = ipField && !known.some((control) => ipField.item.contains(control)) ? [ipField.item] : [];
    for (const { label, on, money } of unnamedControls({ form, known, claimed, inArea, excluded: ipPart })) {
      if (!on) continue;
      if (money) ticked.add(money);
      else if (!unknown.includes(label)) unknown.push(label);
    }
  }
  // Read-only for the whole key (Bybit) wins over whatever boxes below still show ticked.
  const permissions = readOnly ? new Set<Permission>(['read']) : ticked;
  for (const permission of adapter.alwaysOn ?? []) permissions.add(permission);
  const partnerChoice = found.partnerChoices.find((label) => isChosen(label, form, labels));
  const partner = partnerChoice && found.partnerFields.map((label) => chosenValue(label, form)).find(Boolean);
  const expiry = found.expiryLabels
    .map((label) => readExpiry(label, form, labels, now))
    .find((days) => days !== undefined);
  const nameField = found.keyNameLabels
    .map((label) => textFieldFor(label, form))
    .find((f) => f && f.field !== ipField?.field);
  const listedKey = adapter.labels.editRestrictions !== undefined && !nameField;
  const keyType = keyTypes[0]?.[0];
  // Read-only for the whole key and area choices answer for every permission; else a label with no control is unknown.
  const unread = readOnly
    ? []
    : PERMISSIONS.filter((p) => !permissions.has(p) && !resolved.has(p) && found.permissions.some(([q]) => q === p));
  // What a cap cut short (read-caps.ts): the snapshot says so, and the verdict cannot be "Ready".
  const capped: ReadCap[] = [];
  // "Unrestricted" chosen: no IP is bound, whatever a hidden IP field still holds; the choice itself was read.
  const ipEntries = ipField && !unrestricted ? readIpEntries(ipField, found.ipLabels, capped) : [];
  const keyName = listedKey ? cardTitle(form) : capText(nameField?.field.value.trim() ?? '', 'key-name', capped);
  const unknownRead = capList(unknown, 'unknown-permissions', capped);
  return {
    exchange: adapter.id,
    permissions: PERMISSIONS.filter((p) => permissions.has(p)),
    ipEntries,
    ipFieldFound: unrestricted || ipField !== undefined,
    keyName,
    ...(keyType ? { keyType } : {}),
    ...(unread.length > 0 ? { unreadPermissions: unread } : {}),
    ...(unknownRead.length > 0 ? { unknownPermissions: unknownRead } : {}),
    ...(partnerChoice ? { partnerBinding: { choice: shownText(partnerChoice), ...(partner ? { partner } : {}) } } : {}),
    ...(expiry !== undefined ? { keyExpiryDays: expiry } : {}),
    ...(listedKey ? { listedKey: true as const } : {}),
    ...(capped.length > 0 ? { capped } : {}),
  };
}
