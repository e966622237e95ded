import { afterEach, describe, expect, test } from 'vitest';
import { guardKeyPage } from '../../src/content/guard/key-page';
import { okx } from '../../src/exchanges/okx';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import type { KeyCreated, Reminder } from '../../src/inventory/reminder';
import { byText, EXPECTED, fakeBackground, loadIntoDocument, waitForValue } from './key-list-harness';
import { userClick } from './user-events';

// The guard follows the settings on the OKX replica. The suggested rotation interval is the user's default, clamped
// to OKX's own deadline. Confirm before critical (a setting, off by default), on the OKX replica whose own submit handler answers ~200 ms
// later with the "key created" view: with the setting on and Withdraw ticked, the click on OKX's Confirm is held back
// while KeyScope's panel asks "Create anyway?". Going back sends nothing and changes nothing; creating anyway lets
// the replica's own handler run as for any click. With the setting off, nothing is ever held back.

const PAGE = 'key-list.html';
const { open, submit } = EXPECTED[PAGE]!;
const OKX_ANSWERS_MS = 200;

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

function guarded(settings: Partial<Settings>) {
  const background = fakeBackground({
    'settings:get': () => ({ ...DEFAULT_SETTINGS, ...settings }),
    'purpose:get': () => null,
    'reminder:record': (key: KeyCreated) => ({ ...key, id: 'r1', due: '2027-02-24' }) as unknown as Reminder,
    'reminder:confirm-pending': () => null,
  });
  closers.push(() => background.uninstall());
  loadIntoDocument(PAGE);
  // Everything the exchange's page receives: its own form submissions.
  const submitted: string[] = [];
  document.addEventListener('submit', (event) => submitted.push((event.target as HTMLFormElement).id || 'form'), true);
  const visit = new AbortController();
  closers.push(() => visit.abort());
  guardKeyPage(okx, visit.signal);
  return { background, submitted };
}

const panel = () => document.querySelector<HTMLElement>('[data-keyscope-overlay]')?.shadowRoot ?? null;
const panelText = () => panel()?.textContent ?? '';
const question = () => panel()?.querySelector<HTMLElement>('[aria-label="Create anyway?"]') ?? null;
const panelButton = (name: string) => {
  const button = Array.from(panel()?.querySelectorAll('button') ?? []).find((b) => b.textContent === name);
  if (!button) throw new Error(`no panel button "${name}"`);
  return button;
};
const dialog = () => document.querySelector('[role="dialog"]')!;
const keyShown = () => document.querySelector('#new-api-key');

/** Every field of the create form as the exchange would send it: what "nothing changed" is checked against. */
function formState(): string {
  const fields = Array.from(dialog().querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'));
  return JSON.stringify(
    fields.map((f) => [f.id, f instanceof HTMLInputElement && f.type === 'checkbox' ? f.checked : f.value, f.disabled]),
  );
}

/** Opens OKX's create dialog, names the key and ticks Withdraw (a critical finding: no purpose needs it unbound). */
async function fillRiskyKey() {
  byText(open!).click();
  const name = document.querySelector<HTMLInputElement>('#ck-name')!;
  name.value = 'payout-script';
  name.dispatchEvent(new Event('input', { bubbles: true }));
  document.querySelector<HTMLInputElement>('#ck-withdraw')!.click();
  await waitForValue(() => document.querySelector('[data-keyscope-overlay]')?.getAttribute('data-risk') === 'critical');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('confirm before critical: on', () => {
  test('the click is held back and the panel asks; "Go back" sends nothing and changes nothing', async () => {
    const { background, submitted } = guarded({ confirmCritical: true });
    await fillRiskyKey();
    // Settings arrive from the background asynchronously: the guard acts on them once known.
    await waitForValue(() => background.of('settings:get').length === 1);
    await pause(0);
    const before = formState();

    const create = byText(submit!, dialog());
    userClick(create);
    await waitForValue(() => question());
    expect(question()!.textContent).toContain('Create this key anyway?');
    expect(question()!.textContent).toContain('OKX has not received your click yet.');
    expect(
      Array.from(question()!.querySelectorAll('[data-finding-id]')).map((li) => li.getAttribute('data-finding-id')),
    ).toEqual(['scope.withdraw']);
    // A keyboard user answers right away: the safe answer has the focus.
    await waitForValue(() => panel()!.activeElement === panelButton('Go back'));

    userClick(panelButton('Go back'));
    await pause(OKX_ANSWERS_MS + 100);
    expect(question()).toBeNull();
    // The answer's button went with the question: the focus is back on the exchange's button, not lost.
    expect(document.activeElement).toBe(create);
    expect(panelText()).toContain('Not created: nothing was sent to OKX.');
    expect(submitted).toEqual([]);
    expect(keyShown()).toBeNull();
    expect(background.of('reminder:record')).toEqual([]);
    expect(formState()).toBe(before);
  });

  test('"Create anyway" lets the click through once: the exchange\'s own handler creates the key, the reminder is recorded', async () => {
    const { background, submitted } = guarded({ confirmCritical: true });
    await fillRiskyKey();
    await waitForValue(() => background.of('settings:get').length === 1);
    await pause(0);
    const before = formState();

    userClick(byText(submit!, dialog()));
    await waitForValue(() => question());
    expect(submitted).toEqual([]);
    expect(formState()).toBe(before);

    userClick(panelButton('Create anyway'));
    expect(submitted).toHaveLength(1);
    expect(question()).toBeNull();
    // The replica's own submit handler ran: OKX shows the key it created.
    await waitForValue(() => keyShown(), 1000);
    expect(background.of('reminder:record')).toEqual([
      expect.objectContaining({ name: 'payout-script', permissions: ['read', 'withdraw'] }),
    ]);
  });

  test('asked once: after "Create anyway", pressing the exchange\'s button again is not asked about', async () => {
    const { background, submitted } = guarded({ confirmCritical: true });
    await fillRiskyKey();
    await waitForValue(() => background.of('settings:get').length === 1);
    await pause(0);
    // The replica's handler replaces the form ~200 ms after a submit: a second press comes before that.
    userClick(byText(submit!, dialog()));
    await waitForValue(() => question());
    userClick(panelButton('Create anyway'));
    userClick(byText(submit!, dialog()));
    expect(submitted).toHaveLength(2);
    expect(question()).toBeNull();
    await waitForValue(() => keyShown(), 1000);
  });

  test('without a critical finding nothing is held back', async () => {
    const { background, submitted } = guarded({ confirmCritical: true });
    byText(open!).click();
    await waitForValue(() => document.querySelector('[data-keyscope-overlay]'));
    await waitForValue(() => background.of('settings:get').length === 1);
    await pause(0);
    userClick(byText(submit!, dialog()));
    expect(submitted).toHaveLength(1);
    expect(question()).toBeNull();
    await waitForValue(() => keyShown(), 1000);
  });
});

describe('confirm before critical: off (the default)', () => {
  test('a critical finding never holds the click back: the exchange receives it at once', async () => {
    const { background, submitted } = guarded({});
    await fillRiskyKey();
    await waitForValue(() => background.of('settings:get').length === 1);
    await pause(0);
    userClick(byText(submit!, dialog()));
    expect(submitted).toHaveLength(1);
    expect(question()).toBeNull();
    await waitForValue(() => keyShown(), 1000);
    expect(background.of('reminder:record')).toHaveLength(1);
  });
});

describe('the rotation interval chosen in the settings', () => {
  const suggested = () =>
    Array.from(panel()?.querySelectorAll('button') ?? []).find((b) => b.textContent?.endsWith('(suggested)'))
      ?.textContent;

  test("is the panel's suggestion, and what a key created without choosing is recorded with", async () => {
    const { background } = guarded({ rotationDays: 180 });
    byText(open!).click();
    await waitForValue(() => suggested() === '180 days (suggested)');
    document.querySelector<HTMLTextAreaElement>('#ck-ip')!.value = '8.8.8.8';
    userClick(byText(submit!, dialog()));
    await waitForValue(() => background.of('reminder:record').length === 1);
    expect(background.of('reminder:record')[0]!.rotationDays).toBe(180);
    await waitForValue(() => keyShown(), 1000);
  });

  test("is still cut to OKX's own deadline: an unbound Trade key is deleted after 14 idle days", async () => {
    guarded({ rotationDays: 180 });
    byText(open!).click();
    document.querySelector<HTMLInputElement>('#ck-trade')!.click();
    await waitForValue(() => suggested() === '14 days (suggested)');
  });
});
