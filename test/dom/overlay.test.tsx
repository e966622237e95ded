import { afterEach, describe, expect, test } from 'vitest';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import type { KeyFormSnapshot, Purpose } from '../../src/core/types';
import { mountOverlay, type Overlay } from '../../src/content/overlay/mount';
import type { PanelView } from '../../src/content/overlay/Panel';
import { okx } from '../../src/exchanges/okx';
import { trusted, userClick } from './user-events';

// The panel as the content script drives it: a view in, user actions out.
function viewOf(
  snapshot: Partial<KeyFormSnapshot>,
  answers: { purpose?: Purpose; rotationDays?: number } = {},
): PanelView {
  const full: KeyFormSnapshot = {
    exchange: 'okx',
    permissions: ['read'],
    ipEntries: [],
    ipFieldFound: true,
    keyName: '',
    ...snapshot,
  };
  const findings = evaluate(full, { ...answers, exchangeName: 'OKX', rules: okx.rules });
  return {
    exchangeName: 'OKX',
    snapshot: full,
    findings,
    verdict: verdictOf(findings),
    ...answers,
    suggestedDays: 90,
    bound: false,
    permissionNotes: [],
  };
}

let overlay: Overlay | undefined;
const chosen: { purpose?: Purpose; rotation?: number } = {};
const actions = {
  onPurpose: (p: Purpose) => (chosen.purpose = p),
  onRotation: (d: number) => (chosen.rotation = d),
  onConfirm: () => undefined,
};

function host(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-keyscope-overlay]');
  if (!element) throw new Error('no overlay host');
  return element;
}
const shadow = () => host().shadowRoot!;
const text = () => shadow().textContent ?? '';

afterEach(() => {
  overlay?.remove();
  overlay = undefined;
  delete chosen.purpose;
  delete chosen.rotation;
});

describe('overlay host contract', () => {
  test('carries the data-keyscope attributes and an open shadow root', () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({ permissions: ['read', 'trade', 'withdraw'], ipEntries: ['203.0.113.7', '10.0.0.1'] }));
    expect(host().getAttribute('data-exchange')).toBe('okx');
    expect(host().getAttribute('data-risk')).toBe('critical');
    expect(host().getAttribute('data-permissions')).toBe('read trade withdraw');
    expect(host().getAttribute('data-ips')).toBe('203.0.113.7 10.0.0.1');
    expect(host().getAttribute('data-findings')).toBe('ip.private purpose.unset rotation.none scope.withdraw');
    expect(host().shadowRoot).not.toBeNull();
  });

  test('data-permissions is sorted whatever order the page lists them in; data-ips keeps the typed order', () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({ permissions: ['withdraw', 'read', 'trade'], ipEntries: ['8.8.8.8', '1.1.1.1'] }));
    expect(host().getAttribute('data-permissions')).toBe('read trade withdraw');
    expect(host().getAttribute('data-ips')).toBe('8.8.8.8 1.1.1.1');
  });

  test('remove() leaves the page exactly as it was', () => {
    document.body.innerHTML = '<main id="page"><p>OKX</p></main>';
    const before = document.body.innerHTML;
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({}));
    overlay.remove();
    overlay = undefined;
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('what the user reads and does', () => {
  test('verdict says Stop with the count of things to fix, worst finding first', () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({ permissions: ['read', 'withdraw'] }));
    expect(shadow().querySelector('.ks-verdict')!.textContent).toMatch(/Stop: 4 things to fix/);
    const first = shadow().querySelector('.ks-worst')!;
    expect(first.getAttribute('data-finding-id')).toBe('scope.withdraw');
    expect(first.textContent).toContain('Untick Withdraw');
  });

  test('a read-only, bound key with purpose and rotation is ready to create', () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({ ipEntries: ['93.184.216.34'] }, { purpose: 'read-only', rotationDays: 90 }));
    expect(shadow().querySelector('.ks-verdict')!.textContent).toContain('Ready to create');
    expect(host().getAttribute('data-risk')).toBe('none');
  });

  test("choosing a purpose and a rotation interval reports them; the page's own clicks choose nothing", () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({}));
    const radio = Array.from(shadow().querySelectorAll<HTMLInputElement>('input[type=radio]')).find(
      (r) => r.value === 'trading-bot',
    )!;
    const sixty = Array.from(shadow().querySelectorAll('button')).find((b) => b.textContent?.startsWith('60 days'))!;
    // A page's script reaching into the open shadow root: untrusted events.
    radio.click();
    sixty.click();
    expect(chosen.purpose).toBeUndefined();
    expect(chosen.rotation).toBeUndefined();
    // The user's own choice: trusted events.
    radio.checked = true;
    radio.dispatchEvent(trusted(new Event('change', { bubbles: true })));
    expect(chosen.purpose).toBe('trading-bot');
    userClick(sixty);
    expect(chosen.rotation).toBe(60);
  });

  test('a custom interval that is not a number of days is refused with a message', async () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({}));
    const input = shadow().querySelector<HTMLInputElement>('.ks-custom input')!;
    input.value = '9999';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    shadow()
      .querySelector<HTMLFormElement>('.ks-custom')!
      .dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    await new Promise((r) => setTimeout(r, 0));
    expect(chosen.rotation).toBeUndefined();
    expect(shadow().querySelector('[role=alert]')!.textContent).toContain('from 1 to 366');
    input.value = '45';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    shadow()
      .querySelector<HTMLFormElement>('.ks-custom')!
      .dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    expect(chosen.rotation).toBe(45);
  });

  test('collapsing hides the steps but keeps the verdict', async () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({ permissions: ['read', 'withdraw'] }));
    const toggle = shadow().querySelector<HTMLButtonElement>('.ks-collapse')!;
    toggle.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(shadow().querySelector('.ks-steps')).toBeNull();
    expect(shadow().querySelector('.ks-verdict')!.textContent).toContain('Stop');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  test('page text with markup is shown as text, never parsed', () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({ ipEntries: ['<img src=x onerror=alert(1)>'] }));
    expect(shadow().querySelector('img')).toBeNull();
    expect(text()).toContain('<img src=x onerror=alert(1)>');
  });

  test('the OKX note on Trade is shown when Trade is ticked', () => {
    overlay = mountOverlay('okx', actions);
    overlay.update({
      ...viewOf({ permissions: ['read', 'trade'] }),
      permissionNotes: [okx.rules.permissionNotes!.trade!],
    });
    expect(text()).toContain('funding transfers between your accounts');
  });
});

describe('what the real pages add', () => {
  test('an unknown permission that is on is named as the page shows it, and the verdict is not Ready', () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(
      viewOf(
        { permissions: ['read'], ipEntries: ['8.8.8.8'], unknownPermissions: ['Earn'] },
        { purpose: 'read-only', rotationDays: 90 },
      ),
    );
    expect(host().getAttribute('data-findings')).toBe('form.permission-unknown');
    expect(host().getAttribute('data-risk')).toBe('high');
    expect(text()).toContain('KeyScope does not know this permission, and it is on: “Earn”');
    expect(text()).not.toContain('Ready to create');
  });

  test("a partner-bound key says which partner, in the page's words, and asks for no IP", () => {
    overlay = mountOverlay('okx', actions);
    const partnerBinding = { choice: 'Binding third-party apps', partner: '3Commas' };
    overlay.update(
      viewOf(
        { permissions: ['read', 'trade'], ipFieldFound: false, partnerBinding },
        { purpose: 'trading-bot', rotationDays: 90 },
      ),
    );
    expect(text()).toContain(
      'OKX binds this key to the servers of 3Commas (Binding third-party apps): no IP list is needed.',
    );
    expect(host().getAttribute('data-findings')).toBe('');
    expect(text()).toContain('Ready to create');
  });

  test("an expiry chosen on the exchange's form counts as the plan; offered and not chosen, it is suggested", () => {
    overlay = mountOverlay('okx', actions);
    overlay.update(viewOf({ keyExpiryDays: 90 }));
    expect(text()).toContain('OKX itself will expire this key in 90 days: that counts as its rotation plan.');
    expect(host().getAttribute('data-findings')).not.toContain('rotation.none');
    overlay.update({ ...viewOf({}), offersKeyExpiry: true });
    expect(text()).toContain(
      'OKX can expire this key by itself: choose an expiry on the form, or set a reminder here.',
    );
  });
});
