import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import type { KeyFormSnapshot } from '../../src/core/types';
import { okx } from '../../src/exchanges/okx';
import { confirm, edit, newReminder, revoke, rotate, snooze } from '../../src/inventory/lifecycle';
import type { Reminder } from '../../src/inventory/reminder';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import type { Request, Response, TabState, TabVerdict } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import type { PopupData, PopupMessage } from '../../src/popup/popup-data';
import { manualReminder } from './manual-reminder';

const TODAY = '2026-11-26';

function verdictFor(permissions: KeyFormSnapshot['permissions'], ipEntries: string[] = []): TabVerdict {
  const snapshot: KeyFormSnapshot = { exchange: 'okx', permissions, ipEntries, ipFieldFound: true, keyName: '' };
  const findings = evaluate(snapshot, { exchangeName: 'OKX', rules: okx.rules });
  return { exchange: 'okx', exchangeName: 'OKX', permissions, ipEntries, findings, ...verdictOf(findings) };
}

interface Call {
  type: PopupMessage;
  payload: unknown;
}

/**
 * A background in memory: it applies the real lifecycle steps, so that what the popup shows after an action is what
 * the background would store. `calls` records every message; `failing` makes a message fail with the given text.
 */
function fakeBackground(
  initial: Reminder[],
  options: {
    verdict?: TabState;
    quarantine?: unknown[];
    notifications?: boolean;
    grant?: boolean;
    settings?: Partial<Settings>;
    tabUrl?: string;
  } = {},
) {
  let reminders = structuredClone(initial);
  let notifications = options.notifications ?? true;
  const quarantine = options.quarantine ?? [];
  const calls: Call[] = [];
  const failing = new Map<PopupMessage, string>();
  let reads = 0;
  let verdictListener: ((verdict: TabState) => void) | undefined;

  const find = (id: string) => {
    const found = reminders.find((r) => r.id === id);
    if (!found) throw new Error('That key is no longer in your list.');
    return found;
  };
  const put = (updated: Reminder, ...added: Reminder[]) => {
    reminders = [...reminders.map((r) => (r.id === updated.id ? updated : r)), ...added];
    return updated;
  };
  const handlers: { [K in PopupMessage]: (payload: Request<K>) => Response<K> } = {
    'reminder:add': (key) => {
      const added = newReminder(key, TODAY, `added-${reminders.length}`, {
        source: 'manual',
        state: 'active',
        created: key.created,
      });
      reminders = [...reminders, added];
      return added;
    },
    'reminder:edit': ({ id, changes }) => put(edit(find(id), changes, TODAY, okx.rules)),
    'reminder:rotate': ({ id }) => {
      const [archived, successor] = rotate(find(id), TODAY, `${id}-next`, okx.rules);
      put(archived, successor);
      return successor;
    },
    'reminder:revoke': ({ id }) => put(revoke(find(id), TODAY)),
    'reminder:confirm': ({ id }) => put(confirm(find(id), TODAY)),
    'reminder:snooze': ({ id, days }) => put(snooze(find(id), TODAY, days)),
    'reminder:delete': ({ id }) => {
      const removed = find(id);
      reminders = reminders.filter((r) => r.id !== id);
      return removed;
    },
    'reminder:restore': ({ reminder: restored }) => {
      reminders = [...reminders, restored];
      return restored;
    },
    'reminders:discard-pending': ({ ids }) => {
      const removed = reminders.filter((r) => r.state === 'pending' && ids.includes(r.id));
      reminders = reminders.filter((r) => !removed.includes(r));
      return removed;
    },
  };

  const send = async (type: PopupMessage, payload: unknown) => {
    calls.push({ type, payload: structuredClone(payload) });
    const error = failing.get(type);
    if (error) throw new Error(error);
    return structuredClone((handlers[type] as (p: unknown) => unknown)(payload));
  };
  const data: PopupData = {
    verdict: async () => options.verdict ?? null,
    onVerdict(callback) {
      verdictListener = callback;
      return () => (verdictListener = undefined);
    },
    reminders: async () => {
      reads++;
      return {
        reminders: structuredClone(reminders),
        quarantined: quarantine.length,
        quarantine,
        settings: { ...DEFAULT_SETTINGS, ...options.settings },
        today: TODAY,
      };
    },
    send: send as PopupData['send'],
    notificationsAllowed: async () => notifications,
    requestNotifications: vi.fn(async () => {
      notifications = options.grant ?? true;
      return notifications;
    }),
    openOptions: vi.fn(async () => undefined),
    activeTab: async () => ({ id: 1, ...(options.tabUrl ? { url: options.tabUrl } : {}) }),
    guardedSites: async () => [],
    requestSite: vi.fn(async () => false),
    guardSite: vi.fn(async () => []),
  };
  return {
    data,
    calls,
    failing,
    reads: () => reads,
    stored: () => reminders,
    push: (verdict: TabState) => verdictListener?.(verdict),
  };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const status = () => document.querySelector('[data-keyscope-status]');
const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-keyscope-reminder]'));
const rowNamed = (name: string) => {
  const row = rows().find(
    (r) => r.querySelector('.ks-row-name')?.textContent === name && r.getAttribute('data-state') !== 'rotated',
  );
  if (!row)
    throw new Error(
      `No live row named ${name}: ${rows()
        .map((r) => r.textContent)
        .join(' | ')}`,
    );
  return row;
};

async function renderPopup(background: ReturnType<typeof fakeBackground>) {
  render(<Popup data={background.data} />);
  await screen.findByRole('region', { name: 'Your keys' });
}

describe('popup live status', () => {
  test('shows the tab verdict with the overlay contract attributes', async () => {
    render(<Popup data={fakeBackground([], { verdict: verdictFor(['read', 'withdraw']) }).data} />);
    await waitFor(() => expect(status()).not.toBeNull());
    expect(status()!.getAttribute('data-risk')).toBe('critical');
    expect(status()!.getAttribute('data-findings')).toBe(
      'exchange.unbound-expiry ip.missing purpose.unset rotation.none scope.withdraw',
    );
    expect(screen.getByText(/Stop: 4 things to fix/)).toBeTruthy();
  });

  test('updates while open when the page changes', async () => {
    const background = fakeBackground([], { verdict: verdictFor(['read']) });
    render(<Popup data={background.data} />);
    await waitFor(() => expect(status()?.getAttribute('data-risk')).toBe('medium'));
    await act(() => background.push(verdictFor(['read', 'withdraw'])));
    await waitFor(() => expect(status()!.getAttribute('data-risk')).toBe('critical'));
    await act(() => background.push(null));
    await waitFor(() => expect(status()).toBeNull());
    expect(screen.getByText(/not an exchange's API-key form/)).toBeTruthy();
  });

  test('a verdict the background could not keep shows as unknown, never as the older verdict', async () => {
    const background = fakeBackground([], { verdict: verdictFor(['read']) });
    render(<Popup data={background.data} />);
    await waitFor(() => expect(status()?.getAttribute('data-risk')).toBe('medium'));
    await act(() => background.push('unknown'));
    await waitFor(() => expect(status()!.getAttribute('data-risk')).toBe('unknown'));
    expect(status()!.getAttribute('data-findings')).toBe('');
    expect(status()!.textContent).toContain('could not keep this tab');
    expect(status()!.textContent).not.toContain('Stop');
  });

  test('a failure to reach the background is said, not hidden', async () => {
    const { data } = fakeBackground([]);
    render(<Popup data={{ ...data, verdict: () => Promise.reject(new Error('Receiving end does not exist.')) }} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Receiving end does not exist.');
  });
});

describe('popup key list', () => {
  test('a right-to-left name is isolated: in its row (<bdi>) and in every sentence that names it (FSI … PDI)', async () => {
    const background = fakeBackground([manualReminder({ name: 'בוט מס', due: '2026-11-20' })]);
    background.failing.set('reminder:snooze', 'storage is full');
    await renderPopup(background);
    const name = rows()[0]!.querySelector('.ks-row-name bdi');
    expect(name?.textContent).toBe('בוט מס');
    fireEvent.click(within(rows()[0]!).getByRole('button', { name: 'Snooze 1 day' }));
    expect((await screen.findByRole('alert')).textContent).toContain('\u2068בוט מס\u2069');
  });

  test('live keys most urgent first, with their due text; rotated and revoked keys in a closed history', async () => {
    await renderPopup(
      fakeBackground([
        manualReminder({ name: 'later', due: '2027-02-24' }),
        manualReminder({
          name: 'old',
          created: '2025-10-01',
          due: '2026-01-01',
          state: 'revoked',
          history: [{ kind: 'revoked', on: '2026-03-02' }],
        }),
        manualReminder({ name: 'late', due: '2026-11-23' }),
        manualReminder({ name: 'today', due: TODAY }),
        manualReminder({ name: 'soon', due: '2026-12-01' }),
        manualReminder({
          name: 'replaced',
          created: '2026-03-01',
          due: '2026-06-01',
          state: 'rotated',
          history: [{ kind: 'rotated', on: '2026-05-30' }],
        }),
      ]),
    );
    expect(rows().map((r) => [r.querySelector('.ks-row-name')!.textContent, r.getAttribute('data-status')])).toEqual([
      ['late', 'overdue'],
      ['today', 'due-soon'],
      ['soon', 'due-soon'],
      ['later', 'ok'],
      ['replaced', 'rotated'],
      ['old', 'revoked'],
    ]);
    expect(rowNamed('late').textContent).toContain('Overdue by 3 days (2026-11-23)');
    expect(rowNamed('today').textContent).toContain('Due today (2026-11-26)');
    expect(rowNamed('later').textContent).toContain('Due in 90 days (2027-02-24)');
    expect(rowNamed('later').textContent).toContain('OKX · Read · IP-bound');
    expect(screen.getByText('Your keys (4)')).toBeTruthy();

    const history = screen.getByText('History (2)').closest('details')!;
    expect(history.open).toBe(false);
    expect(within(history).getByText('Revoked or deleted on 2026-03-02')).toBeTruthy();
    expect(within(history).getByText('Rotated on 2026-05-30')).toBeTruthy();
  });

  test('with no keys, says so and how to add one', async () => {
    await renderPopup(fakeBackground([]));
    expect(screen.getByText(/No keys yet/)).toBeTruthy();
    expect(rows()).toHaveLength(0);
    expect(screen.queryByText(/History/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Add a key by hand' })).toBeTruthy();
  });

  test('an unbound trade key on OKX says the exchange deletes it after 14 idle days; a bound or read-only one does not', async () => {
    await renderPopup(
      fakeBackground([
        manualReminder({ name: 'grid bot', permissions: ['read', 'trade'], ipBound: false }),
        manualReminder({ name: 'bound bot', permissions: ['read', 'trade'], ipBound: true }),
        manualReminder({ name: 'tracker', permissions: ['read'], ipBound: false }),
      ]),
    );
    const line = 'OKX deletes this key after 14 days without use (no IP bound)';
    expect(within(rowNamed('grid bot')).getByText(line)).toBeTruthy();
    expect(within(rowNamed('bound bot')).queryByText(line)).toBeNull();
    expect(within(rowNamed('tracker')).queryByText(line)).toBeNull();
  });

  test('tells the user about records kept aside, with a way to the page that exports them', async () => {
    const background = fakeBackground([], { quarantine: [{ id: 7 }, 'garbage'] });
    await renderPopup(background);
    expect(screen.getByText(/2 stored records could not be read/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export them from Settings' }));
    expect(background.data.openOptions).toHaveBeenCalledTimes(1);
  });

  test('"Settings and export" opens the options page', async () => {
    const background = fakeBackground([]);
    await renderPopup(background);
    fireEvent.click(screen.getByRole('button', { name: 'Settings and export' }));
    expect(background.data.openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('popup actions', () => {
  test.each([
    {
      label: 'Rotated today',
      confirmWith: 'Yes, rotated today',
      call: (id: string) => ({ type: 'reminder:rotate', payload: { id } }),
      after: () => {
        expect(rowNamed('tax tool').textContent).toContain('Due in 90 days (2027-02-24)');
        expect(
          within(screen.getByText(/^History/).closest('details')!).getByText('Rotated on 2026-11-26'),
        ).toBeTruthy();
      },
    },
    {
      label: 'Revoked',
      confirmWith: 'Yes, revoked',
      call: (id: string) => ({ type: 'reminder:revoke', payload: { id } }),
      after: () => {
        expect(screen.getByText('Your keys (1)')).toBeTruthy();
        const history = screen.getByText('History (1)').closest('details')!;
        expect(within(history).getByText('tax tool')).toBeTruthy();
        expect(within(history).getByText('Revoked or deleted on 2026-11-26')).toBeTruthy();
      },
    },
    {
      label: 'Snooze 1 day',
      call: (id: string) => ({ type: 'reminder:snooze', payload: { id, days: 1 } }),
      after: () => expect(rowNamed('tax tool').textContent).toContain('Snoozed until 2026-11-27'),
    },
    {
      label: 'Snooze 7 days',
      call: (id: string) => ({ type: 'reminder:snooze', payload: { id, days: 7 } }),
      after: () => expect(rowNamed('tax tool').textContent).toContain('Snoozed until 2026-12-03'),
    },
  ])(
    '$label sends its message for that key, then shows the list as stored',
    async ({ label, confirmWith, call, after }) => {
      const key = manualReminder({ name: 'tax tool', due: '2026-11-20' });
      const background = fakeBackground([manualReminder({ name: 'other', due: '2026-11-21' }), key]);
      await renderPopup(background);
      const readsBefore = background.reads();

      fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: label }));
      if (confirmWith) {
        expect(background.calls).toHaveLength(0);
        fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: confirmWith }));
      }

      await waitFor(() => expect(background.calls).toEqual([call(key.id)]));
      await waitFor(() => expect(background.reads()).toBe(readsBefore + 1));
      await waitFor(after);
    },
  );

  test('rotating can be called off before anything is sent', async () => {
    const background = fakeBackground([manualReminder({ name: 'tax tool' })]);
    await renderPopup(background);
    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Rotated today' }));
    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Cancel' }));
    expect(within(rowNamed('tax tool')).getByRole('button', { name: 'Rotated today' })).toBeTruthy();
    expect(background.calls).toEqual([]);
  });

  test('snooze is offered only for keys that are due soon or overdue', async () => {
    await renderPopup(
      fakeBackground([
        manualReminder({ name: 'fine', due: '2027-02-24' }),
        manualReminder({ name: 'late', due: '2026-11-20' }),
      ]),
    );
    expect(within(rowNamed('fine')).queryByRole('button', { name: 'Snooze 1 day' })).toBeNull();
    expect(within(rowNamed('late')).getByRole('button', { name: 'Snooze 1 day' })).toBeTruthy();
  });

  test('delete removes the key and offers Undo, which restores the very record the background returned', async () => {
    const key = manualReminder({
      name: 'tax tool',
      history: [
        { kind: 'created', on: '2026-08-01' },
        { kind: 'snoozed', on: '2026-10-30' },
      ],
    });
    const background = fakeBackground([key]);
    await renderPopup(background);

    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(background.calls).toEqual([{ type: 'reminder:delete', payload: { id: key.id } }]);
    expect(screen.getByRole('status').textContent).toContain('Deleted “\u2068tax tool\u2069”.');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(background.calls[1]).toEqual({ type: 'reminder:restore', payload: { reminder: key } });
    expect(background.stored()).toEqual([key]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  test('the Undo offer goes away after about 8 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await renderPopup(fakeBackground([manualReminder({ name: 'tax tool' })]));
    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Delete' }));
    await screen.findByRole('button', { name: 'Undo' });
    await act(() => {
      vi.advanceTimersByTime(7000);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  test('a pending key asks whether the exchange created it: Confirm makes it active', async () => {
    const pending = manualReminder({ name: 'new bot', state: 'pending', source: 'form', due: '2027-02-24' });
    const background = fakeBackground([pending]);
    await renderPopup(background);
    const row = rowNamed('new bot');
    expect(row.textContent).toContain('Pending — did the exchange create it?');
    expect(within(row).queryByRole('button', { name: 'Rotated today' })).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(rowNamed('new bot').getAttribute('data-state')).toBe('active'));
    expect(background.calls).toEqual([{ type: 'reminder:confirm', payload: { id: pending.id } }]);
    expect(rowNamed('new bot').textContent).not.toContain('Pending');
  });

  test('a pending key the exchange never created can be discarded, with Undo', async () => {
    const pending = manualReminder({ name: 'failed submit', state: 'pending', source: 'form' });
    const background = fakeBackground([pending]);
    await renderPopup(background);
    fireEvent.click(within(rowNamed('failed submit')).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(background.calls).toEqual([{ type: 'reminder:delete', payload: { id: pending.id } }]);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  });

  test('a failing action shows the background’s words, and the list is read again so nothing shown is stale', async () => {
    const background = fakeBackground([manualReminder({ name: 'tax tool', due: '2026-11-20' })]);
    background.failing.set('reminder:snooze', 'Storage quota exceeded.');
    await renderPopup(background);
    const readsBefore = background.reads();
    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Snooze 7 days' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not snooze “\u2068tax tool\u2069”: Storage quota exceeded.',
    );
    await waitFor(() => expect(background.reads()).toBe(readsBefore + 1));
    expect(rowNamed('tax tool').textContent).not.toContain('Snoozed');

    // The next action that works clears the error.
    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Snooze 1 day' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  test('a key deleted in another window: the action says so and the list catches up', async () => {
    const background = fakeBackground([manualReminder({ name: 'tax tool', due: '2026-11-20' })]);
    await renderPopup(background);
    const row = rowNamed('tax tool');
    background.stored().splice(0);
    fireEvent.click(within(row).getByRole('button', { name: 'Snooze 1 day' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That key is no longer in your list.');
    await waitFor(() => expect(rows()).toHaveLength(0));
  });
});

describe('popup add and edit by hand', () => {
  const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
  const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });
  const choose = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

  test('says what is missing or wrong, and sends nothing', async () => {
    const background = fakeBackground([]);
    await renderPopup(background);
    fireEvent.click(screen.getByRole('button', { name: 'Add a key by hand' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Read' }));
    choose('Rotate every', 'custom');
    type('Days between rotations (1–366)', '400');
    type('Created on', '2026-12-01');
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));

    expect(screen.getByText('Choose the exchange this key is on.')).toBeTruthy();
    expect(screen.getByText('Type the key’s name as the exchange shows it.')).toBeTruthy();
    expect(screen.getByText('Tick at least one permission the key has (Read if unsure).')).toBeTruthy();
    expect(screen.getByText('The created date cannot be in the future.')).toBeTruthy();
    expect(screen.getByText('Enter a whole number of days from 1 to 366.')).toBeTruthy();
    expect(field('Exchange').getAttribute('aria-invalid')).toBe('true');
    expect(background.calls).toEqual([]);

    type('Days between rotations (1–366)', '45 days');
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(screen.getByText('Enter a whole number of days from 1 to 366.')).toBeTruthy();
    expect(background.calls).toEqual([]);
  });

  test('adds a key: created today by default, custom interval, and the new row shows its due date', async () => {
    const background = fakeBackground([]);
    await renderPopup(background);
    fireEvent.click(screen.getByRole('button', { name: 'Add a key by hand' }));
    expect(field('Created on').value).toBe(TODAY);
    choose('Exchange', 'okx');
    type('Key name', '  portfolio  ');
    choose('Rotate every', 'custom');
    type('Days between rotations (1–366)', '45');
    expect(screen.getByText('Rotation due on 2027-01-10.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(background.calls).toEqual([
      {
        type: 'reminder:add',
        payload: {
          exchange: 'okx',
          name: 'portfolio',
          permissions: ['read'],
          ipBound: true,
          created: TODAY,
          rotationDays: 45,
          deadlineDays: undefined,
        },
      },
    ]);
    expect(rowNamed('portfolio').textContent).toContain('Due in 45 days (2027-01-10)');
    expect(screen.queryByRole('form')).toBeNull();
  });

  test('an unbound trade key on OKX gets the 14-day deadline, and the form says why', async () => {
    const background = fakeBackground([]);
    await renderPopup(background);
    fireEvent.click(screen.getByRole('button', { name: 'Add a key by hand' }));
    choose('Exchange', 'okx');
    type('Key name', 'grid bot');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Trade' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bound to IP addresses' }));
    type('Created on', '2026-11-20');
    expect(screen.getByText('OKX deletes this key after 14 days without use (no IP bound)')).toBeTruthy();
    expect(screen.getByText('Rotation due on 2026-12-04.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(background.calls[0]!.payload).toMatchObject({
      permissions: ['read', 'trade'],
      ipBound: false,
      created: '2026-11-20',
      rotationDays: 90,
      deadlineDays: 14,
    });
    expect(rowNamed('grid bot').textContent).toContain('Due in 8 days (2026-12-04)');
  });

  test('a failed add keeps the form and what was typed, and says why', async () => {
    const background = fakeBackground([]);
    background.failing.set('reminder:add', 'The browser refused to store it (QUOTA_BYTES quota exceeded).');
    await renderPopup(background);
    fireEvent.click(screen.getByRole('button', { name: 'Add a key by hand' }));
    choose('Exchange', 'okx');
    type('Key name', 'portfolio');
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not add the key: The browser refused to store it (QUOTA_BYTES quota exceeded).',
    );
    expect(field('Key name').value).toBe('portfolio');
  });

  test('Edit opens the same form filled in, and saves the changes for that key', async () => {
    const key = manualReminder({ name: 'tax tool', rotationDays: 45, created: '2026-11-01', due: '2026-12-16' });
    const background = fakeBackground([manualReminder({ name: 'other', due: '2027-01-01' }), key]);
    await renderPopup(background);
    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Edit' }));

    expect(screen.getByRole('heading', { name: 'Edit “\u2068tax tool\u2069”' })).toBeTruthy();
    expect(field('Key name').value).toBe('tax tool');
    expect(field('Rotate every').value).toBe('custom');
    expect(field('Days between rotations (1–366)').value).toBe('45');
    choose('Rotate every', '30');
    type('Key name', 'tax tool 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(background.calls).toEqual([
      {
        type: 'reminder:edit',
        payload: {
          id: key.id,
          changes: {
            exchange: 'okx',
            name: 'tax tool 2026',
            permissions: ['read'],
            ipBound: true,
            created: '2026-11-01',
            rotationDays: 30,
          },
        },
      },
    ]);
    expect(rowNamed('tax tool 2026').textContent).toContain('Due in 5 days (2026-12-01)');
  });

  test('Cancel goes back to the list without sending anything', async () => {
    const background = fakeBackground([manualReminder({ name: 'tax tool' })]);
    await renderPopup(background);
    fireEvent.click(within(rowNamed('tax tool')).getByRole('button', { name: 'Edit' }));
    type('Key name', 'changed');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(rowNamed('tax tool')).toBeTruthy();
    expect(background.calls).toEqual([]);
  });
});

describe('popup notifications offer', () => {
  test('while notifications are off, the button asks for them within the click', async () => {
    const background = fakeBackground([], { notifications: false });
    await renderPopup(background);
    const button = await screen.findByRole('button', { name: 'Turn on notifications' });
    fireEvent.click(button);
    // Synchronously, in the click's own handler: a browser grants a permission only during the user gesture.
    expect(background.data.requestNotifications).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Turn on notifications' })).toBeNull());
  });

  test('refused: the button stays', async () => {
    const background = fakeBackground([], { notifications: false, grant: false });
    await renderPopup(background);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on notifications' }));
    await waitFor(() => expect(background.data.requestNotifications).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: 'Turn on notifications' })).toBeTruthy();
  });

  test('not offered when already on', async () => {
    await renderPopup(fakeBackground([], { notifications: true }));
    await act(async () => undefined);
    expect(screen.queryByRole('button', { name: 'Turn on notifications' })).toBeNull();
  });
});

describe('popup: what the settings change', () => {
  const OKX_KEY_PAGE = 'https://www.okx.com/account/my-api';

  test('on an exchange turned off in the settings: "KeyScope is off for OKX", with the way to the settings', async () => {
    const background = fakeBackground([], { settings: { disabledExchanges: ['okx'] }, tabUrl: OKX_KEY_PAGE });
    await renderPopup(background);
    const off = await waitFor(() => {
      const element = document.querySelector('[data-keyscope-exchange-off]');
      if (!element) throw new Error('no "off" notice');
      return element;
    });
    expect(off.getAttribute('data-keyscope-exchange-off')).toBe('okx');
    expect(off.textContent).toBe('KeyScope is off for OKX. Your reminders for OKX are kept. Turn it on in Settings');
    fireEvent.click(within(off as HTMLElement).getByRole('button', { name: 'Turn it on in Settings' }));
    expect(background.data.openOptions).toHaveBeenCalledTimes(1);
  });

  test('on an exchange still on, or another one turned off, the usual status shows', async () => {
    await renderPopup(fakeBackground([], { settings: { disabledExchanges: ['binance'] }, tabUrl: OKX_KEY_PAGE }));
    await screen.findByText(/This tab is not an exchange's API-key form/);
    expect(document.querySelector('[data-keyscope-exchange-off]')).toBeNull();
  });

  test('a key added by hand starts with the rotation interval chosen in the settings', async () => {
    const background = fakeBackground([], { settings: { rotationDays: 180 } });
    await renderPopup(background);
    fireEvent.click(screen.getByRole('button', { name: 'Add a key by hand' }));
    const interval = screen.getByLabelText('Rotate every') as HTMLSelectElement;
    expect(interval.value).toBe('180');
    expect(Array.from(interval.options).map((o) => o.value)).toEqual(['30', '60', '90', '180', 'custom']);
  });
});

describe('popup by keyboard: focus is never dropped when what had it goes away', () => {
  /** A keyboard user's press on a button: focus on it, then its click. */
  const press = (button: HTMLElement) => {
    button.focus();
    fireEvent.click(button);
  };
  const button = (row: HTMLElement, name: string) => within(row).getByRole('button', { name });
  const focused = () => document.activeElement as HTMLElement | null;

  test('delete moves focus to "Undo"; undo brings the row back, focused', async () => {
    const key = manualReminder({ name: 'tax tool', due: '2026-11-20' });
    await renderPopup(fakeBackground([manualReminder({ name: 'other', due: '2027-01-01' }), key]));
    press(button(rowNamed('tax tool'), 'Delete'));
    await waitFor(() => expect(focused()).toBe(screen.getByRole('button', { name: 'Undo' })));
    press(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(focused()).toBe(rowNamed('tax tool')));
    expect(focused()!.getAttribute('data-reminder-id')).toBe(key.id);
  });

  test('"Rotated today" moves focus to its question; Cancel back to the button', async () => {
    await renderPopup(fakeBackground([manualReminder({ name: 'tax tool' })]));
    press(button(rowNamed('tax tool'), 'Rotated today'));
    await waitFor(() => expect(focused()?.getAttribute('role')).toBe('group'));
    expect(focused()!.textContent).toContain('Replaced with a new key today?');
    press(button(rowNamed('tax tool'), 'Cancel'));
    await waitFor(() => expect(focused()).toBe(button(rowNamed('tax tool'), 'Rotated today')));
  });

  test('a key revoked moves to history: focus goes to the row now in its place', async () => {
    await renderPopup(
      fakeBackground([
        manualReminder({ name: 'tax tool', due: '2026-11-20' }),
        manualReminder({ name: 'next one', due: '2027-01-01' }),
      ]),
    );
    press(button(rowNamed('tax tool'), 'Revoked'));
    press(button(rowNamed('tax tool'), 'Yes, revoked'));
    await waitFor(() => expect(screen.getByText('History (1)')).toBeTruthy());
    await waitFor(() => expect(focused()).toBe(rowNamed('next one')));
  });

  test('the last live key revoked: focus goes to the list itself', async () => {
    await renderPopup(fakeBackground([manualReminder({ name: 'tax tool' })]));
    press(button(rowNamed('tax tool'), 'Revoked'));
    press(button(rowNamed('tax tool'), 'Yes, revoked'));
    await waitFor(() => expect(focused()).toBe(screen.getByRole('region', { name: 'Your keys' })));
    expect(screen.getByText('Your keys (0)')).toBeTruthy();
  });

  test('closing the form returns focus to what opened it', async () => {
    await renderPopup(fakeBackground([manualReminder({ name: 'tax tool' })]));
    press(button(rowNamed('tax tool'), 'Edit'));
    press(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(focused()).toBe(rowNamed('tax tool')));
    press(screen.getByRole('button', { name: 'Add a key by hand' }));
    press(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(focused()).toBe(screen.getByRole('button', { name: 'Add a key by hand' })));
  });

  test('a refused submit takes focus to the first field to fix', async () => {
    await renderPopup(fakeBackground([]));
    press(screen.getByRole('button', { name: 'Add a key by hand' }));
    fireEvent.change(screen.getByLabelText('Exchange'), { target: { value: 'okx' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Read' }));
    press(screen.getByRole('button', { name: 'Add key' }));
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('Key name')));
    fireEvent.input(screen.getByLabelText('Key name'), { target: { value: 'tax tool' } });
    press(screen.getByRole('button', { name: 'Add key' }));
    await waitFor(() => expect(focused()).toBe(screen.getByRole('checkbox', { name: 'Read' })));
  });

  test('due soon and overdue are said in words, not only by colour', async () => {
    await renderPopup(
      fakeBackground([
        manualReminder({ name: 'late', due: '2026-11-20' }),
        manualReminder({ name: 'soon', due: '2026-12-01' }),
        manualReminder({ name: 'fine', due: '2027-02-24' }),
      ]),
    );
    expect(rowNamed('late').querySelector('.ks-chip')?.textContent).toBe('Overdue');
    expect(rowNamed('soon').querySelector('.ks-chip')?.textContent).toBe('Due soon');
    expect(rowNamed('fine').querySelector('.ks-chip')).toBeNull();
  });
});

describe('popup: pending keys a page left behind (issue "a hostile page cannot turn KeyScope against its user")', () => {
  const ZENITH = 'https://zenith-exchange.example';
  const pending = (name: string, overrides: Partial<Reminder> = {}) =>
    manualReminder({
      name,
      state: 'pending',
      source: 'form',
      exchange: 'generic',
      origin: ZENITH,
      due: '2027-02-24',
      ...overrides,
    });

  test('several from one site: one "Discard all" discards exactly those listed; Undo puts each back as it was', async () => {
    const fromZenith = [pending('\u202Eone'), pending('two'), pending('three')];
    const others = [
      pending('lumen key', { origin: 'https://lumen-exchange.example' }),
      manualReminder({ name: 'tax tool' }),
    ];
    const background = fakeBackground([...fromZenith, ...others]);
    await renderPopup(background);
    // A key of a guarded site is named by its site, not "Other site"; its name cannot reorder the row around it.
    expect(rowNamed('two').textContent).toContain('zenith-exchange.example');
    expect(rowNamed('\u202Eone').querySelector('.ks-row-name bdi')?.textContent).toBe('\u202Eone');
    // One line per site with more than one pending key: lumen's single key is discarded from its own row.
    expect(screen.getAllByRole('button', { name: /^Discard all/ })).toHaveLength(1);
    expect(screen.getByText('3 keys from zenith-exchange.example are waiting for confirmation.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Discard all 3' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(background.calls).toEqual([
      { type: 'reminders:discard-pending', payload: { ids: fromZenith.map((r) => r.id) } },
    ]);
    expect(screen.getByRole('status').textContent).toContain('Discarded 3 pending keys from zenith-exchange.example.');
    expect(screen.queryByRole('button', { name: /^Discard all/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(background.calls.slice(1)).toEqual(
      fromZenith.map((r) => ({ type: 'reminder:restore', payload: { reminder: r } })),
    );
    expect(background.stored().filter((r) => r.origin === ZENITH)).toEqual(fromZenith);
  });

  test('a failure says which site, and the list is read again', async () => {
    const background = fakeBackground([pending('a'), pending('b')]);
    background.failing.set('reminders:discard-pending', 'Storage quota exceeded.');
    await renderPopup(background);
    fireEvent.click(screen.getByRole('button', { name: 'Discard all 2' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not discard the pending keys from zenith-exchange.example: Storage quota exceeded.',
    );
    expect(rows()).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  test('at 500 records kept aside the popup says imports adding more are refused until they are exported and deleted', async () => {
    await renderPopup(fakeBackground([], { quarantine: Array.from({ length: 500 }, (_, i) => ({ broken: i })) }));
    expect(screen.getByText(/500 stored records could not be read/).textContent).toContain(
      'That is the most KeyScope keeps (500): an import that would add more is refused until you export and delete them in Settings.',
    );
  });
});
