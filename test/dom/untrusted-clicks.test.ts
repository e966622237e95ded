import { afterEach, describe, expect, test } from 'vitest';
import { guardKeyList } from '../../src/content/guard/key-list';
import { guardKeyPage } from '../../src/content/guard/key-page';
import { okx } from '../../src/exchanges/okx';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { KeyCreated, Reminder } from '../../src/inventory/reminder';
import { byText, EXPECTED, fakeBackground, loadIntoDocument, waitFor, waitForValue } from './key-list-harness';
import { userClick } from './user-events';
import { isolated } from '../../src/core/text';

// A hostile page's script clicks for the user: the exchange's create button, "Track this key" beside a listed key, and
// the panel's answer to "Create anyway?" (its shadow root is open). Those clicks are not trusted, and none of them
// records, tracks or answers anything; the user's own click (trusted, see user-events.ts) still does.

const TODAY = new Date(2026, 10, 26, 12);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

function background(settings = {}) {
  const fake = fakeBackground({
    'settings:get': () => ({ ...DEFAULT_SETTINGS, ...settings }),
    'purpose:get': () => null,
    'reminders:tracked-names': () => [],
    'reminder:record': (key: KeyCreated) => ({ ...key, id: 'r1', due: '2027-02-24' }) as unknown as Reminder,
    'reminder:track': (key) => ({ name: key.name }) as Reminder,
    'reminder:confirm-pending': () => null,
  });
  closers.push(() => fake.uninstall());
  return fake;
}

function visit(): AbortSignal {
  const controller = new AbortController();
  closers.push(() => controller.abort());
  return controller.signal;
}

const panel = () => document.querySelector<HTMLElement>('[data-keyscope-overlay]')?.shadowRoot ?? null;
const dialog = () => document.querySelector('[role="dialog"]')!;

function nameKey(name: string) {
  const field = document.querySelector<HTMLInputElement>('#ck-name')!;
  field.value = name;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

describe("the exchange's create button", () => {
  // late-modal.html: its Confirm creates nothing, so the form stays for click after click.
  test("300 clicks by the page's script, each on a newly named key, record nothing; the user's one click records one", async () => {
    const fake = background();
    loadIntoDocument('late-modal.html');
    guardKeyPage(okx, visit());
    byText('Create API key').click();
    await waitForValue(() => panel());
    const confirm = byText('Confirm', dialog());
    for (let i = 0; i < 300; i++) {
      nameKey(`page-made-${i}`);
      confirm.click();
      confirm.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }
    await pause(50);
    expect(fake.of('reminder:record')).toEqual([]);
    expect(panel()!.textContent).not.toContain('Reminder saved');

    nameKey('my-bot');
    userClick(confirm);
    await waitForValue(() => fake.of('reminder:record').length === 1);
    expect(fake.of('reminder:record')[0]).toMatchObject({ exchange: 'okx', name: 'my-bot' });
    await waitFor(() => expect(panel()!.textContent).toContain(`Reminder saved: rotate "${isolated('my-bot')}"`));
  });
});

describe('"Track this key" beside a listed key', () => {
  const trackButton = (name: string) => {
    const host = document.querySelector(`[data-keyscope-key-flag][data-key-name="${name}"]`);
    return (
      Array.from(host?.shadowRoot?.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Track this key') ??
      null
    );
  };
  const tracked = (name: string) =>
    document.querySelector(`[data-keyscope-key-flag][data-key-name="${name}"]`)?.getAttribute('data-tracked');

  test("clicked by the page's script through the open shadow root, it tracks nothing; the user's click tracks", async () => {
    const fake = background();
    loadIntoDocument('key-list.html');
    guardKeyList(okx, visit(), () => TODAY);
    const button = await waitForValue(() => trackButton('grid-bot'));
    for (let i = 0; i < 50; i++) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    await pause(50);
    expect(fake.of('reminder:track')).toEqual([]);
    expect(tracked('grid-bot')).toBe('false');

    userClick(button);
    await waitForValue(() => tracked('grid-bot') === 'true');
    expect(fake.of('reminder:track')).toEqual([expect.objectContaining({ exchange: 'okx', name: 'grid-bot' })]);
  });
});

describe('"Create anyway?" (confirm before critical, on)', () => {
  const question = () => panel()?.querySelector('.ks-confirm') ?? null;
  const answer = (name: string) => {
    const button = Array.from(panel()?.querySelectorAll('button') ?? []).find((b) => b.textContent === name);
    if (!button) throw new Error(`no panel button "${name}"`);
    return button;
  };

  test("the page's script cannot answer it, either way; the user can", async () => {
    const fake = background({ confirmCritical: true });
    loadIntoDocument('key-list.html');
    const submitted: string[] = [];
    document.addEventListener(
      'submit',
      (event) => submitted.push((event.target as HTMLFormElement).id || 'form'),
      true,
    );
    guardKeyPage(okx, visit());
    byText(EXPECTED['key-list.html']!.open!).click();
    nameKey('payout-script');
    document.querySelector<HTMLInputElement>('#ck-withdraw')!.click();
    await waitForValue(
      () => document.querySelector('[data-keyscope-overlay]')?.getAttribute('data-risk') === 'critical',
    );
    await waitForValue(() => fake.of('settings:get').length === 1);
    await pause(0);

    userClick(byText(EXPECTED['key-list.html']!.submit!, dialog()));
    await waitForValue(() => question());
    for (const name of ['Create anyway', 'Go back']) {
      answer(name).click();
      answer(name).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    await pause(50);
    expect(question()).not.toBeNull();
    expect(submitted).toEqual([]);
    expect(fake.of('reminder:record')).toEqual([]);
    expect(panel()!.textContent).not.toContain('Not created');

    userClick(answer('Create anyway'));
    expect(submitted).toHaveLength(1);
    expect(question()).toBeNull();
    await waitForValue(() => fake.of('reminder:record').length === 1);
    expect(fake.of('reminder:record')[0]).toMatchObject({ name: 'payout-script', permissions: ['read', 'withdraw'] });
    // The replica shows the created key ~200 ms after the submit: let it, before the page is cleared.
    await waitForValue(() => document.querySelector('#new-secret-key'));
  });
});
