import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { controlFor, CONTROL, isOn, TOGGLED } from '../../src/content/read/controls';
import { normalizeLabel } from '../../src/content/read/labels';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import { moneyPermission } from '../../src/core/money-words';
import { PERMISSIONS } from '../../src/core/types';
import { closePages, expectations, loadFixture, type FixturePage, adapterFor, replicaPages } from './fixture-page';

// Unknown is never absent, on every replica page of every exchange (found at run time: a new exchange's pages are
// covered as soon as they exist). A ticked control with a random label, added next to a permission the adapter knows,
// must be reported (form.permission-unknown), or read as withdraw/transfer when its words say so, and the verdict is
// never "Ready" then. Controls outside the permission area (a "Remember me", a theme switch, the IP on/off switch)
// must not raise it.

afterEach(closePages);

const adapter = adapterFor;

const PAGES = replicaPages().filter(([id, file]) => (expectations(id)[file]!.snapshot?.permissions.length ?? 0) > 0);

/** Every text any adapter gives a meaning: a random label equal to one of them is not unknown. */
function knownTexts(page: FixturePage): Set<string> {
  const { labels } = page.adapter;
  const all = [
    ...Object.values(labels.permissions).flat(),
    ...Object.values(labels.permissionAreas ?? {}).flat(),
    ...labels.permissionSection,
    ...labels.keyName,
    ...labels.submit,
    ...labels.ipField,
    ...(labels.readOnlyMode ?? []),
    ...(labels.ipUnrestricted ?? []),
    ...Object.values(labels.keyTypes ?? {}).flat(),
    ...(labels.neutral ?? []),
    ...(labels.partnerBinding ?? []),
    ...(labels.partnerField ?? []),
    ...(labels.keyExpiry ?? []),
  ];
  return new Set(all.map(normalizeLabel));
}

/** The elements of the form showing one of these texts exactly. */
function showing(page: FixturePage, labels: Iterable<string>): HTMLElement[] {
  const texts = new Set(Array.from(labels, normalizeLabel));
  const found: HTMLElement[] = [];
  const walker = page.document.createTreeWalker(page.keyForm(), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && texts.has(normalizeLabel(node.nodeValue ?? ''))) found.push(node.parentElement);
  }
  return found;
}

/** A permission label of the page that resolves to a control (else a control in an area): where the permission area is. */
function knownControl(page: FixturePage): Element {
  const form = page.keyForm();
  const labels = showing(page, Object.values(page.adapter.labels.permissions).flat());
  // Climbing from one label stops below another, as in the reader.
  const choices = labels.map((label, index) => [String(index), label] as const);
  for (const label of labels) {
    const control = controlFor(label, form, choices);
    if (control) return control;
  }
  for (const heading of showing(page, Object.values(page.adapter.labels.permissionAreas ?? {}).flat())) {
    const control = heading.parentElement?.querySelector(`${CONTROL}, ${TOGGLED}`);
    if (control) return control;
  }
  throw new Error('no known permission control on the page');
}

/**
 * A key that is read-only as a whole (Bybit, Bitget) can only read, whatever is ticked below: the user's other choice
 * of that group (Read-Write) is made first, as a user who ticks permissions does.
 */
async function chooseReadWrite(page: FixturePage): Promise<void> {
  const form = page.keyForm();
  for (const label of showing(page, page.adapter.labels.readOnlyMode ?? [])) {
    const control = controlFor(label, form, []);
    if (!control || !isOn(control)) continue;
    const group = control.closest('[role="radiogroup"]') ?? control.parentElement?.parentElement;
    const other = Array.from(group?.querySelectorAll<HTMLElement>('[role="radio"], input[type="radio"]') ?? []).find(
      (radio) => radio !== control && !isOn(radio),
    );
    if (other) await page.click(other);
  }
}

/**
 * Where a new permission goes: beside the control's row (its highest ancestor in the form that holds no other control),
 * or, on pages with permission areas (Gate, MEXC, Bybit), beside the control's whole area, as a new area of its own:
 * a control inside an area rightly counts as that area's permission.
 */
function rowOf(control: Element, form: Element, areaHeadings: ReadonlySet<string>): Element {
  let row = control;
  const headings = (el: Element) =>
    Array.from(el.querySelectorAll('*')).filter(
      (child) => child.childElementCount === 0 && areaHeadings.has(normalizeLabel(child.textContent ?? '')),
    );
  const holdsOtherArea = (el: Element) => headings(el).some((heading) => !row.contains(heading));
  if (areaHeadings.size > 0) {
    // Up to the element holding the control's own area heading, then stop below the next area.
    while (row.parentElement && row.parentElement !== form && headings(row).length === 0) row = row.parentElement;
    while (row.parentElement && row.parentElement !== form && !holdsOtherArea(row.parentElement))
      row = row.parentElement;
    if (headings(row).length > 0) return row;
    row = control;
  }
  const holdsOther = (el: Element) =>
    Array.from(el.querySelectorAll(`${CONTROL}, ${TOGGLED}`)).some(
      (other) => !row.contains(other) && !other.contains(row),
    );
  while (
    row.parentElement &&
    row.parentElement !== form &&
    !holdsOther(row.parentElement) &&
    !row.parentElement.matches('ul, ol, table, tbody, fieldset')
  ) {
    row = row.parentElement;
  }
  // The text printed under a control belongs to it (KuCoin 2023): the new control goes after that text.
  const next = row.nextElementSibling;
  return next &&
    !next.matches(`${CONTROL}, ${TOGGLED}`) &&
    !next.querySelector(`${CONTROL}, ${TOGGLED}`) &&
    (next.textContent ?? '').trim()
    ? next
    : row;
}

type Kind = 'native' | 'switch' | 'pressed' | 'class';

/** A ticked control of one kind with this label, as exchanges build them. */
function tickedControl(document: Document, kind: Kind, label: string): Element {
  const el = (tag: string, attrs: Record<string, string> = {}, text?: string) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  };
  if (kind === 'native') {
    const wrapper = el('label');
    const box = el('input', { type: 'checkbox' }) as HTMLInputElement;
    box.checked = true;
    wrapper.append(box, ` ${label}`);
    return wrapper;
  }
  if (kind === 'switch') return el('div', { role: 'switch', 'aria-checked': 'true', tabindex: '0' }, label);
  if (kind === 'pressed') return el('button', { type: 'button', 'aria-pressed': 'true' }, label);
  const row = el('div', { class: 'xq-checkbox xq-checkbox-checked' });
  row.append(el('span', { class: 'xq-checkbox__inner' }), el('span', {}, label));
  return row;
}

const LABEL = fc.oneof(
  fc.stringMatching(/^[A-Z][a-z]{2,9}(?: [a-z]{2,8}){0,2}$/),
  fc.constantFrom(
    'Earn',
    'Staking',
    'Copy trading',
    'Convert',
    'Sub-account management',
    'Lending',
    '理财',
    '跟单',
    '闪兑',
    'Alpha',
    'Bots',
  ),
  fc.constantFrom(
    'Withdraw to address book',
    'Internal transfer',
    '资金划转',
    '提币白名单',
    'Вывод средств',
    'Retirar',
  ),
);

describe.each(PAGES)('%s/%s', (id, file) => {
  test('a ticked control with any label, next to a known permission, is reported or read by its money words: never "Ready"', async () => {
    const page = await loadFixture(adapter(id), file);
    await chooseReadWrite(page);
    const form = page.keyForm();
    const before = page.read()!;
    const known = knownTexts(page);
    const areaHeadings = new Set(
      Object.values(page.adapter.labels.permissionAreas ?? {})
        .flat()
        .map(normalizeLabel),
    );
    const row = rowOf(knownControl(page), form, areaHeadings);
    await fc.assert(
      fc.asyncProperty(LABEL, fc.constantFrom<Kind>('native', 'switch', 'pressed', 'class'), async (label, kind) => {
        fc.pre(!known.has(normalizeLabel(label)) && !/\bip\b/i.test(label));
        const added = tickedControl(page.document, kind, label);
        row.after(added);
        try {
          const after = page.read()!;
          const money = moneyPermission(label);
          if (money) expect(after.permissions).toContain(money);
          else expect(after.unknownPermissions ?? []).toContain(label);
          // The best answers a user could give, and a bound IP: the added control alone still stands in the way.
          const best = { ...after, ipEntries: ['8.8.8.8'], ipFieldFound: true };
          const verdict = verdictOf(
            evaluate(best, {
              purpose: 'trading-bot',
              rotationDays: 30,
              exchangeName: page.adapter.name,
              rules: page.adapter.rules,
            }),
          );
          expect(verdict.ready).toBe(false);
        } finally {
          added.remove();
        }
        expect(page.read()).toEqual(before);
      }),
      { numRuns: 12, seed: 20261205 },
    );
  });

  test('controls outside the permission area — "Remember me", a theme switch, the IP on/off switch — raise nothing', async () => {
    const page = await loadFixture(adapter(id), file);
    const before = page.read()!;
    const remember = tickedControl(page.document, 'native', 'Remember me');
    const theme = tickedControl(page.document, 'switch', 'Dark mode');
    page.document.body.prepend(theme);
    page.document.body.append(remember);
    const ipSwitch = tickedControl(page.document, 'switch', 'IP address restriction');
    page.keyForm().append(ipSwitch);
    const after = page.read()!;
    expect(after.unknownPermissions).toEqual(before.unknownPermissions);
    expect(after.permissions).toEqual(before.permissions);
  });
});

test('the pages cover every exchange, and the canonical permissions are what they map to', () => {
  expect(new Set(PAGES.map(([id]) => id)).size).toBeGreaterThanOrEqual(10);
  expect(PERMISSIONS).toContain('withdraw');
});

describe('the words under a control count too (KuCoin 2023: "This permission allows you to withdraw assets")', () => {
  async function withDescribed(ticked: boolean, label: string, description: string) {
    const page = await loadFixture(adapter('okx'), 'en-native.html');
    const row = rowOf(knownControl(page), page.keyForm(), new Set());
    const added = tickedControl(page.document, 'native', label);
    added.querySelector('input')!.checked = ticked;
    const note = page.document.createElement('p');
    note.textContent = description;
    row.after(added, note);
    return page.read()!;
  }

  test('a label that says nothing of money, described as withdrawing, is withdraw: critical, never Ready', async () => {
    const read = await withDescribed(true, 'Asset management', 'This permission allows you to withdraw assets');
    expect(read.permissions).toContain('withdraw');
    expect(read.unknownPermissions).toBeUndefined();
    const findings = evaluate(
      { ...read, ipEntries: ['8.8.8.8'] },
      { purpose: 'other', rotationDays: 30, exchangeName: 'OKX', rules: adapter('okx').rules },
    );
    expect(findings.map((f) => f.id)).toContain('scope.withdraw');
    expect(verdictOf(findings).ready).toBe(false);
  });

  test('described in Chinese as moving funds between accounts, it is transfer', async () => {
    expect((await withDescribed(true, '资产管理', '允许在账户之间划转资产')).permissions).toContain('transfer');
  });

  test('unticked, it adds nothing', async () => {
    const read = await withDescribed(false, 'Asset management', 'This permission allows you to withdraw assets');
    expect(read.permissions).not.toContain('withdraw');
    expect(read.unknownPermissions).toBeUndefined();
  });

  test('ticked with a harmless description, it is unknown, named by its label', async () => {
    expect((await withDescribed(true, 'Asset management', 'View your asset overview')).unknownPermissions).toEqual([
      'Asset management',
    ]);
  });
});
