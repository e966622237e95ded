import { afterEach, describe, expect, test } from 'vitest';
import { guardKeyPage } from '../../src/content/guard/key-page';
import type { ManagedPolicy, PolicyReading } from '../../src/core/policy';
import { okx } from '../../src/exchanges/okx';
import type { KeyCreated, Reminder } from '../../src/inventory/reminder';
import { byText, EXPECTED, fakeBackground, loadIntoDocument, waitFor, waitForValue } from './key-list-harness';
import { trusted, userClick } from './user-events';

// The guard on OKX replicas with an organisation's policy from a stand-in background: the panel shows each policy
// finding with the organisation's own words, offers no rotation longer than the policy allows, and follows the
// policy when the browser applies a new one (storage.onChanged, area "managed").

const MESSAGE = 'Acme security team: see wiki/keys';
const STRICT: ManagedPolicy = {
  forbidWithdraw: true,
  requireIpBinding: true,
  maxRotationDays: 30,
  lockSettings: true,
  message: MESSAGE,
};

type ChangeListener = (changes: unknown, area: string) => void;
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** The guard on a replica, its background answering `policy:get` with whatever `managed.reading` holds now. */
function guarded(file: string, policy: ManagedPolicy | undefined) {
  const managed: { reading: PolicyReading } = { reading: policy ? { policy, notes: [] } : { notes: [] } };
  const background = fakeBackground({
    'purpose:get': () => null,
    'policy:get': () => managed.reading,
    'reminder:record': (key: KeyCreated) => ({ name: key.name, due: 'soon' }) as unknown as Reminder,
  });
  const listeners = new Set<ChangeListener>();
  const chrome = (globalThis as unknown as { chrome: Record<string, unknown> }).chrome;
  chrome.storage = {
    onChanged: {
      addListener: (l: ChangeListener) => listeners.add(l),
      removeListener: (l: ChangeListener) => listeners.delete(l),
    },
  };
  loadIntoDocument(file);
  const visit = new AbortController();
  closers.push(
    () => background.uninstall(),
    () => visit.abort(),
  );
  guardKeyPage(okx, visit.signal);
  return {
    background,
    listeners,
    /** The administrator changes the policy; the browser says so to every listener. */
    apply(next: ManagedPolicy | undefined, area = 'managed') {
      managed.reading = next ? { policy: next, notes: [] } : { notes: [] };
      for (const listener of listeners) listener({}, area);
    },
  };
}

const host = () => document.querySelector<HTMLElement>('[data-keyscope-overlay]');
const shadow = () => host()!.shadowRoot!;
const findings = () => (host()?.getAttribute('data-findings') ?? '').split(' ');
const buttons = () =>
  Array.from(shadow().querySelectorAll<HTMLButtonElement>('[aria-label="Rotation reminder"] button'));
const rotationButtons = () => buttons().map((b) => b.textContent);
const rotationButton = (text: string) => buttons().find((b) => b.textContent === text)!;

describe('a policy breached on every count (OKX, Withdraw ticked, only reserved addresses)', () => {
  test("each policy finding shows the organisation's message under it", async () => {
    guarded('zh-okui.html', STRICT);
    await waitFor(() =>
      expect(findings()).toEqual(expect.arrayContaining(['policy.withdraw', 'policy.ip-binding', 'policy.rotation'])),
    );
    expect(host()!.getAttribute('data-risk')).toBe('critical');
    for (const id of ['policy.withdraw', 'policy.ip-binding', 'policy.rotation']) {
      const item = shadow().querySelector(`[data-finding-id="${id}"]`)!;
      expect(item.querySelector('.ks-policy-message')?.textContent, id).toBe(MESSAGE);
    }
    expect(shadow().querySelector('[data-finding-id="policy.withdraw"]')!.textContent).toContain(
      'Your organisation forbids Withdraw',
    );
    // KeyScope's own findings carry no organisation's message.
    expect(shadow().querySelector('[data-finding-id="scope.withdraw"] .ks-policy-message')).toBeNull();
  });

  test('no rotation longer than the maximum is offered, and a longer custom one is refused with the reason', async () => {
    guarded('zh-okui.html', STRICT);
    await waitFor(() => expect(findings()).toContain('policy.rotation'));
    expect(rotationButtons()).toEqual(['30 days (suggested)']);
    expect(shadow().textContent).toContain('your organisation allows at most 30 days');
    const input = shadow().querySelector<HTMLInputElement>('.ks-custom input')!;
    input.value = '45';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(input.value).toBe('45'));
    shadow()
      .querySelector<HTMLFormElement>('.ks-custom')!
      .dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    await waitFor(() =>
      expect(shadow().querySelector('.ks-error')?.textContent).toBe('Your organisation allows at most 30 days.'),
    );
    userClick(rotationButton('30 days (suggested)'));
    await waitFor(() => expect(findings()).not.toContain('policy.rotation'));
  });

  test('without a policy the same form has no policy finding and the usual choices', async () => {
    guarded('zh-okui.html', undefined);
    await waitFor(() => expect(findings()).toContain('scope.withdraw'));
    expect(findings().filter((id) => id.startsWith('policy.'))).toEqual([]);
    expect(rotationButtons()).toEqual(['30 days', '60 days', '90 days (suggested)']);
  });
});

describe('the policy changes while the form is open', () => {
  test('a managed change is applied at once; a change to another area is not a policy change', async () => {
    const page = guarded('zh-okui.html', undefined);
    await waitFor(() => expect(findings()).toContain('scope.withdraw'));
    const asked = () => page.background.of('policy:get').length;
    expect(asked()).toBe(1);
    page.apply(STRICT, 'local');
    expect(asked()).toBe(1);
    page.apply(STRICT);
    await waitFor(() => expect(findings()).toContain('policy.withdraw'));
    page.apply(undefined);
    await waitFor(() => expect(findings()).not.toContain('policy.withdraw'));
    expect(asked()).toBe(3);
  });

  test('a 90-day choice made before a 10-day maximum arrives is cut to 10, and recorded so', async () => {
    const page = guarded('key-list.html', undefined);
    const { open, submit } = EXPECTED['key-list.html']!;
    byText(open!).click();
    await waitFor(() => expect(host()).not.toBeNull());
    await waitFor(() => expect(rotationButton('90 days (suggested)')).toBeDefined());
    userClick(rotationButton('90 days (suggested)'));
    await waitFor(() => expect(shadow().textContent).toContain('Reminder set: 90 days'));
    page.apply({ ...STRICT, maxRotationDays: 10 });
    await waitFor(() => expect(shadow().textContent).toContain('Reminder set: 10 days'));
    userClick(byText(submit!, document.querySelector('[role="dialog"]')!));
    await waitFor(() => expect(page.background.of('reminder:record')).toHaveLength(1));
    expect(page.background.of('reminder:record')[0]!.rotationDays).toBe(10);
    // The replica shows the created key ~200 ms after the submit: let it, before the page is cleared.
    await waitForValue(() => document.querySelector('#new-secret-key'));
  });
});

test('leaving the page stops listening for policy changes', async () => {
  const page = guarded('zh-okui.html', STRICT);
  await waitFor(() => expect(findings()).toContain('policy.withdraw'));
  expect(page.listeners.size).toBe(1);
  closers.pop()!();
  expect(page.listeners.size).toBe(0);
});
