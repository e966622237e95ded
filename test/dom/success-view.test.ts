import { afterEach, describe, expect, test } from 'vitest';
import { guardKeyList } from '../../src/content/guard/key-list';
import { guardKeyPage } from '../../src/content/guard/key-page';
import { findSuccessView } from '../../src/content/guard/success-view';
import { okx } from '../../src/exchanges/okx';
import type { KeyCreated, Reminder } from '../../src/inventory/reminder';
import {
  byText,
  CANARY,
  EXPECTED,
  fakeBackground,
  html,
  keyScopeOutput,
  loadIntoDocument,
  pageWindow,
  reportReads,
  waitFor,
  waitForValue,
  type Handlers,
} from './key-list-harness';
import { isolated } from '../../src/core/text';
import { userClick } from './user-events';

// Capture: the user submits OKX's create form (a pending reminder is recorded), OKX replaces the form by the view
// showing the new key and its secret (~200 ms later in the replicas), and KeyScope, recognising that view by its
// labels alone, confirms the reminder and says so in the panel. The key and secret shown there are canaries that
// must never reach a message, an attribute or the panel, and are never even read.

const TODAY = new Date(2026, 10, 26, 12);
const OVERLAY = '[data-keyscope-overlay]';
const FLAG = '[data-keyscope-key-flag]';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** A stand-in background keeping reminders the way the real one does: pending on record, active on confirm. */
function inventory(overrides: Handlers = {}) {
  const reminders: Array<{ name: string; state: 'pending' | 'active'; due: string }> = [];
  const reminder = (r: (typeof reminders)[number]) => ({ ...r }) as unknown as Reminder;
  const background = fakeBackground({
    'purpose:get': () => null,
    'reminder:record': (key: KeyCreated) => {
      const created = {
        name: key.name,
        state: 'pending' as const,
        due: `due+${Math.min(key.rotationDays, key.deadlineDays ?? Infinity)}d`,
      };
      reminders.push(created);
      return reminder(created);
    },
    'reminder:confirm-pending': ({ name }) => {
      const pending = reminders.filter((r) => r.state === 'pending');
      const match = pending.findLast((r) => r.name === name) ?? pending.at(-1);
      if (!match) return null;
      match.state = 'active';
      return reminder(match);
    },
    'reminders:tracked-names': () => reminders.map((r) => r.name),
    ...overrides,
  });
  closers.push(() => background.uninstall());
  return { background, reminders };
}

/** The replica in the test's document, guarded as on OKX: the form's panel and the list's flags. */
function guarded(file: string) {
  loadIntoDocument(file);
  const visit = new AbortController();
  closers.push(() => visit.abort());
  guardKeyPage(okx, visit.signal);
  guardKeyList(okx, visit.signal, () => TODAY);
  return visit;
}

const panel = () => document.querySelector<HTMLElement>(OVERLAY);
const panelText = () => panel()?.shadowRoot?.textContent ?? '';

async function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('findSuccessView: the view is known by its labels', () => {
  async function submitted(file: string) {
    const page = await pageWindow(file);
    closers.push(() => page.window.happyDOM.close());
    const { document: doc } = page;
    const expected = EXPECTED[file]!;
    expect(findSuccessView(doc.body, okx), 'before anything is created').toBeUndefined();
    byText(expected.open!, doc.body).click();
    expect(findSuccessView(doc.body, okx), 'the create form is not it').toBeUndefined();
    byText(expected.submit!, doc.querySelector('[role="dialog"]')!).click();
    await waitForValue(() => doc.querySelector('#new-secret-key'), 1000);
    return doc;
  }

  test('English: "API key created", with the key and "Secret key" below', async () => {
    const doc = await submitted('key-list.html');
    const view = findSuccessView(doc.body, okx);
    expect(view?.closest('[role="dialog"]')).toBeTruthy();
    expect(view?.contains(doc.querySelector('#new-api-key'))).toBe(true);
  });

  test('Chinese: no heading KeyScope knows, but "API Key" and "密钥" together', async () => {
    const doc = await submitted('zh-key-list.html');
    expect(byText('API Key 已生成', doc.body)).toBeDefined();
    const view = findSuccessView(doc.body, okx);
    expect(view?.contains(doc.querySelector('#new-api-key'))).toBe(true);
    expect(view?.contains(doc.querySelector('#new-secret-key'))).toBe(true);
  });

  test.each(['key-list.html', 'zh-key-list.html'])(
    '%s: the key and the secret shown are never read, not even a character',
    async (file) => {
      const doc = await submitted(file);
      const reads = reportReads(doc.body, /CANARY-(APIKEY|SECRET)-/);
      expect(findSuccessView(doc.body, okx)).toBeDefined();
      expect(reads).toEqual([]);
    },
  );

  test.each([
    ['"API key" labels on the key list alone', html('late-modal.html')],
    [
      '"API key" in the header and "Secret key" in a help text far away',
      `
      <header><nav><ul><li><div><span>API key</span></div></li></ul></nav></header>
      <main><section><article><div><div><div><p><span>Secret key</span></p></div></div></div></article></section></main>`,
    ],
    ['a long sentence mentioning both', '<p>Your API key and Secret key are shown once after creation.</p>'],
  ])('not: %s', (_name, markup) => {
    document.body.innerHTML = markup;
    expect(findSuccessView(document.body, okx)).toBeUndefined();
  });
});

describe('the guard confirms the pending reminder when OKX shows the new key', () => {
  test.each([
    ['key-list.html', '#ck-name', 'e2e-grid-bot', 'Trade', '#ck-trade'],
    ['zh-key-list.html', '#zk-name', '网格机器人二号', '交易', '#zk-trade'],
  ])(
    '%s: Confirm records it pending, the success view confirms it, the panel says until when',
    async (file, nameField, name, trade) => {
      const { background, reminders } = inventory();
      guarded(file);
      const { open, submit, dismiss } = EXPECTED[file]!;
      await waitFor(() => expect(document.querySelectorAll(FLAG).length).toBe(EXPECTED[file]!.keys.length));

      // The form opens in the modal, over the list: the panel and the list's flags coexist.
      byText(open!).click();
      await waitFor(() => expect(panel()?.getAttribute('data-permissions')).toBe('read'));
      expect(document.querySelectorAll(FLAG)).toHaveLength(EXPECTED[file]!.keys.length);
      await type(document.querySelector<HTMLInputElement>(nameField)!, name);
      byText(trade, document.querySelector('[role="dialog"]')!).click();
      await waitFor(() => expect(panel()?.getAttribute('data-permissions')).toBe('read trade'));

      userClick(byText(submit!, document.querySelector('[role="dialog"]')!));
      await waitFor(() => expect(background.of('reminder:record')).toHaveLength(1));
      expect(background.of('reminder:record')[0]).toMatchObject({
        exchange: 'okx',
        name,
        permissions: ['read', 'trade'],
        ipBound: false,
      });
      expect(reminders[0]?.state).toBe('pending');

      // ~200 ms later OKX shows the key: confirmed, by name.
      await waitFor(() => expect(background.of('reminder:confirm-pending')).toHaveLength(1), 2000);
      expect(background.of('reminder:confirm-pending')[0]).toEqual({ exchange: 'okx', name });
      expect(reminders[0]?.state).toBe('active');
      await waitFor(() =>
        expect(panelText()).toContain(`"${isolated(name)}" created. Reminder confirmed: rotate by due+14d.`),
      );
      expect(panelText()).toContain('never reads the key, secret or passphrase');
      expect(panel()!.shadowRoot!.querySelector('.ks-steps')).toBeNull();

      // Nothing shown in the success view reached a message, an attribute or the panel.
      expect(document.querySelector('#new-secret-key')).not.toBeNull();
      expect(JSON.stringify(background.sent)).not.toMatch(CANARY);
      expect(keyScopeOutput()).not.toMatch(CANARY);

      // "I've saved it": the view closes, the panel goes, and the list shows the new key, already tracked.
      byText(dismiss!).click();
      await waitFor(() => expect(panel()).toBeNull());
      await waitFor(() => {
        const host = document.querySelector(`${FLAG}[data-key-name="${name}"]`);
        expect(host?.getAttribute('data-flags')).toBe('trade-unbound unbound-deadline');
        expect(host?.getAttribute('data-tracked')).toBe('true');
      });
      expect(background.of('reminder:track')).toEqual([]);
      expect(background.of('reminder:confirm-pending')).toHaveLength(1);
      expect(JSON.stringify(background.sent)).not.toMatch(CANARY);
      expect(keyScopeOutput()).not.toMatch(CANARY);
    },
  );

  test('a second key in the same visit is recorded and confirmed afresh', async () => {
    const { background } = inventory();
    guarded('key-list.html');
    for (const name of ['first-key', 'second-key']) {
      byText('Create API key').click();
      await waitForValue(() => panel());
      await type(document.querySelector<HTMLInputElement>('#ck-name')!, name);
      await waitFor(() => expect(panel()?.getAttribute('data-findings')).toContain('ip.missing'));
      userClick(byText('Confirm'));
      await waitFor(() => expect(panelText()).toContain(`"${isolated(name)}" created. Reminder confirmed`), 2000);
      byText("I've saved it").click();
      await waitFor(() => expect(panel()).toBeNull());
    }
    expect(background.of('reminder:record').map((r) => r.name)).toEqual(['first-key', 'second-key']);
    expect(background.of('reminder:confirm-pending')).toEqual([
      { exchange: 'okx', name: 'first-key' },
      { exchange: 'okx', name: 'second-key' },
    ]);
  });

  test('the name typed right before Confirm, in the same frame, is recorded and confirmed whole', async () => {
    const { background } = inventory();
    guarded('key-list.html');
    byText('Create API key').click();
    await waitForValue(() => panel());
    // The last key press and the click come before KeyScope's next read of the form.
    const name = document.querySelector<HTMLInputElement>('#ck-name')!;
    name.value = 'fast-typis';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    name.value = 'fast-typist';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    userClick(byText('Confirm'));
    await waitFor(() => expect(background.of('reminder:confirm-pending')).toHaveLength(1), 2000);
    expect(background.of('reminder:record')[0]?.name).toBe('fast-typist');
    expect(background.of('reminder:confirm-pending')[0]).toEqual({ exchange: 'okx', name: 'fast-typist' });
  });

  test('the record answered only after the user left the page (the key already shown): still confirmed', async () => {
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const { background } = inventory({
      'reminder:record': async (key: KeyCreated) => {
        await held;
        return { name: key.name, state: 'pending', due: 'due+90d' } as unknown as Reminder;
      },
    });
    const visit = guarded('key-list.html');
    byText('Create API key').click();
    await waitForValue(() => panel());
    await type(document.querySelector<HTMLInputElement>('#ck-name')!, 'slow-save');
    userClick(byText('Confirm'));
    // OKX shows the key while the background has not answered the record yet.
    await waitFor(() => expect(panelText()).toContain('Key created. Confirming its reminder'), 2000);
    visit.abort();
    expect(panel()).toBeNull();
    answer();
    await waitFor(() =>
      expect(background.of('reminder:confirm-pending')).toEqual([{ exchange: 'okx', name: 'slow-save' }]),
    );
    expect(panel()).toBeNull();
  });

  test('a key without a name is confirmed without one (the background takes the newest pending)', async () => {
    const { background } = inventory();
    guarded('key-list.html');
    byText('Create API key').click();
    await waitForValue(() => panel());
    userClick(byText('Confirm'));
    await waitFor(() => expect(panelText()).toContain('Key created. Reminder confirmed: rotate by due+90d.'), 2000);
    expect(background.of('reminder:confirm-pending')).toEqual([{ exchange: 'okx' }]);
  });
});

describe('what is not confirmed', () => {
  test('a success view without a submit in this visit confirms nothing and shows no panel', async () => {
    const { background } = inventory();
    guarded('key-list.html');
    await waitForValue(() => document.querySelector(FLAG));
    const view = document
      .querySelector<HTMLTemplateElement>('#created-view')!
      .content.firstElementChild!.cloneNode(true);
    document.body.append(view);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(background.of('reminder:confirm-pending')).toEqual([]);
    expect(panel()).toBeNull();
  });

  test('a submit that never succeeds stays pending: the panel keeps saying the reminder was saved', async () => {
    const { background, reminders } = inventory();
    guarded('late-modal.html'); // its Confirm creates nothing
    byText('Create API key').click();
    await waitForValue(() => panel());
    await type(document.querySelector<HTMLInputElement>('#ck-name')!, 'never-created');
    await waitFor(() => expect(panel()?.getAttribute('data-findings')).toContain('ip.missing'));
    userClick(byText('Confirm'));
    await waitFor(() =>
      expect(panelText()).toContain(`Reminder saved: rotate "${isolated('never-created')}" by due+90d.`),
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(background.of('reminder:confirm-pending')).toEqual([]);
    expect(reminders).toEqual([{ name: 'never-created', state: 'pending', due: 'due+90d' }]);
  });

  test('when recording failed, the success view confirms nothing else and says to add the key by hand', async () => {
    const { background } = inventory({ 'reminder:record': () => Promise.reject(new Error('Storage quota exceeded')) });
    guarded('key-list.html');
    byText('Create API key').click();
    await waitForValue(() => panel());
    userClick(byText('Confirm'));
    await waitFor(
      () =>
        expect(panelText()).toContain(
          'Key created, but KeyScope has no pending reminder for it: add the key in the KeyScope popup.',
        ),
      2000,
    );
    expect(background.of('reminder:confirm-pending')).toEqual([]);
  });

  test('when the background finds no pending reminder, the panel says so', async () => {
    inventory({ 'reminder:confirm-pending': () => null });
    guarded('key-list.html');
    byText('Create API key').click();
    await waitForValue(() => panel());
    userClick(byText('Confirm'));
    await waitFor(() => expect(panelText()).toContain('no pending reminder for it'), 2000);
  });

  test('leaving the page while the key is shown removes the panel and every flag', async () => {
    inventory();
    const visit = guarded('key-list.html');
    byText('Create API key').click();
    await waitForValue(() => panel());
    userClick(byText('Confirm'));
    await waitFor(() => expect(panelText()).toContain('Reminder confirmed'), 2000);
    visit.abort();
    expect(document.querySelectorAll(`${OVERLAY}, ${FLAG}`)).toHaveLength(0);
  });
});
