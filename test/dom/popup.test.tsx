import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import type { KeyFormSnapshot } from '../../src/core/types';
import { okx } from '../../src/exchanges/okx';
import type { ReminderList, TabVerdict } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import type { PopupData } from '../../src/popup/popup-data';
import type { Reminder } from '../../src/reminder';

function verdictFor(permissions: KeyFormSnapshot['permissions'], ipEntries: string[] = []): TabVerdict {
  const snapshot: KeyFormSnapshot = { exchange: 'okx', permissions, ipEntries, ipFieldFound: true, keyName: '' };
  const findings = evaluate(snapshot, { exchangeName: 'OKX', rules: okx.rules });
  return { exchange: 'okx', exchangeName: 'OKX', permissions, ipEntries, findings, ...verdictOf(findings) };
}

function reminder(overrides: Partial<Reminder>): Reminder {
  return {
    id: crypto.randomUUID(), exchange: 'okx', name: 'tax tool', permissions: ['read'], ipBound: true,
    created: '2026-08-01', rotationDays: 90, due: '2026-10-30', state: 'active', ...overrides,
  };
}

/** A fake of the popup's one seam to the extension; `push` plays the background telling of a change. */
function fakeData(verdict: TabVerdict | null, list: ReminderList) {
  let listener: ((v: TabVerdict | null) => void) | undefined;
  const data: PopupData = {
    verdict: async () => verdict,
    onVerdict(callback) {
      listener = callback;
      return () => (listener = undefined);
    },
    reminders: async () => list,
  };
  return { data, push: (v: TabVerdict | null) => listener?.(v) };
}

afterEach(cleanup);

const none: ReminderList = { reminders: [], quarantined: 0 };
const status = () => document.querySelector('[data-keyscope-status]');

describe('popup live status', () => {
  test('shows the tab verdict with the overlay contract attributes', async () => {
    const { data } = fakeData(verdictFor(['read', 'withdraw']), none);
    render(<Popup data={data} today="2026-11-26" />);
    await waitFor(() => expect(status()).not.toBeNull());
    expect(status()!.getAttribute('data-risk')).toBe('critical');
    expect(status()!.getAttribute('data-findings')).toBe('exchange.unbound-expiry ip.missing purpose.unset rotation.none scope.withdraw');
    expect(screen.getByText(/Stop: 4 things to fix/)).toBeTruthy();
  });

  test('updates while open when the page changes', async () => {
    const { data, push } = fakeData(verdictFor(['read']), none);
    render(<Popup data={data} today="2026-11-26" />);
    await waitFor(() => expect(status()!.getAttribute('data-risk')).toBe('medium'));
    act(() => push(verdictFor(['read', 'withdraw'])));
    await waitFor(() => expect(status()!.getAttribute('data-risk')).toBe('critical'));
    act(() => push(null));
    await waitFor(() => expect(status()).toBeNull());
    expect(screen.getByText(/not an exchange's API-key form/)).toBeTruthy();
  });

  test('a failure to reach the background is said, not hidden', async () => {
    const data: PopupData = {
      verdict: () => Promise.reject(new Error('Receiving end does not exist.')),
      onVerdict: () => () => undefined,
      reminders: async () => none,
    };
    render(<Popup data={data} today="2026-11-26" />);
    expect((await screen.findByRole('alert')).textContent).toContain('Receiving end does not exist.');
  });
});

describe('popup reminder list', () => {
  test('rows carry their status, most urgent first, with the due date', async () => {
    const list: ReminderList = {
      reminders: [
        reminder({ name: 'later', due: '2027-02-24' }),
        reminder({ name: 'late', due: '2026-11-20' }),
        reminder({ name: 'soon', due: '2026-12-01' }),
        reminder({ name: 'old', due: '2026-01-01', state: 'revoked' }),
      ],
      quarantined: 0,
    };
    render(<Popup data={fakeData(null, list).data} today="2026-11-26" />);
    await waitFor(() => expect(document.querySelectorAll('[data-keyscope-reminder]')).toHaveLength(4));
    const rows = Array.from(document.querySelectorAll('[data-keyscope-reminder]'));
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['revoked', 'overdue', 'due-soon', 'ok']);
    expect(rows[1]!.textContent).toContain('Overdue by 6 days (2026-11-20)');
    expect(rows[3]!.textContent).toContain('Due in 90 days (2027-02-24)');
  });

  test('says there are no keys yet, and how to add one', async () => {
    render(<Popup data={fakeData(null, none).data} today="2026-11-26" />);
    expect(await screen.findByText(/No keys yet/)).toBeTruthy();
  });

  test('tells the user about records kept aside', async () => {
    render(<Popup data={fakeData(null, { reminders: [], quarantined: 2 }).data} today="2026-11-26" />);
    expect((await screen.findByRole('alert')).textContent).toContain('2 stored records could not be read');
  });
});
