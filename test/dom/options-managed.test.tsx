import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PolicyReading } from '../../src/core/policy';
import { text } from '../../src/core/text';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { ReminderList } from '../../src/messages';
import type { OptionsData } from '../../src/options/options-data';
import { Options } from '../../src/options/Options';
import { installI18n } from '../i18n/messages';

// The settings page under an organisation's policy, behind the options-data seam: a "Managed by your organisation"
// notice with the organisation's message, and read-only settings when the policy locks them. Exporting the user's own
// keys stays possible: a lock is about settings, not about the user's data.

const MESSAGE = 'Acme security team: see wiki/keys';
const list: ReminderList = {
  reminders: [],
  quarantined: 0,
  quarantine: [],
  settings: { ...DEFAULT_SETTINGS, dueSoonDays: 7 },
  today: '2026-11-26',
};

function data(policy?: () => Promise<PolicyReading>): OptionsData {
  return {
    reminders: async () => list,
    guardedSites: async () => [],
    send: vi.fn(async () => {
      throw new Error('no message expected');
    }),
    notificationsAllowed: async () => false,
    requestNotifications: async () => false,
    removeNotifications: async () => true,
    requestSite: async () => false,
    ...(policy ? { policy } : {}),
  };
}

async function renderOptions(options: OptionsData) {
  render(<Options data={options} />);
  await screen.findByRole('heading', { name: 'Reminders' });
}

/**
 * Disabled as HTML defines it for form controls: its own attribute, or inside a disabled fieldset (outside that
 * fieldset's legend), however deeply nested. happy-dom does not apply the fieldset part to `:disabled`; browsers do.
 */
function isDisabled(control: HTMLInputElement | HTMLButtonElement): boolean {
  if (control.disabled) return true;
  // Any disabled fieldset around it counts, nested ones included (the exchange switches have their own).
  for (
    let fieldset = control.closest('fieldset');
    fieldset;
    fieldset = fieldset.parentElement?.closest('fieldset') ?? null
  ) {
    const inLegend = fieldset.querySelector(':scope > legend')?.contains(control) ?? false;
    if (fieldset.disabled && !inLegend) return true;
  }
  return false;
}

const dueSoon = () => screen.getByLabelText(/“Due soon” starts/) as HTMLInputElement;
const syncBox = () => screen.getByRole('checkbox', { name: /in sync across my browsers/ }) as HTMLInputElement;
const notice = () => screen.getByRole('region', { name: 'Managed by your organisation' });

afterEach(cleanup);

describe('a policy that locks settings', () => {
  const locked = () =>
    Promise.resolve<PolicyReading>({
      policy: {
        forbidWithdraw: true,
        requireIpBinding: true,
        maxRotationDays: 30,
        lockSettings: true,
        message: MESSAGE,
      },
      notes: [],
    });

  test("the notice shows the organisation's message and what the policy enforces", async () => {
    await renderOptions(data(locked));
    await screen.findByRole('heading', { name: 'Managed by your organisation' });
    const region = within(notice());
    expect(region.getByText(MESSAGE)).toBeTruthy();
    expect(region.getByText('Keys may not have the Withdraw permission.')).toBeTruthy();
    expect(region.getByText('Keys must be bound to the public IP addresses they run from.')).toBeTruthy();
    expect(region.getByText('Keys must be rotated or deleted within 30 days.')).toBeTruthy();
    expect(region.getByText(/settings below are read-only/)).toBeTruthy();
  });

  test("every setting is read-only; exporting the user's keys is not", async () => {
    await renderOptions(data(locked));
    await waitFor(() => expect(isDisabled(dueSoon())).toBe(true));
    expect(isDisabled(syncBox())).toBe(true);
    const saves = screen.getAllByRole('button', { name: 'Save' }) as HTMLButtonElement[];
    expect(saves.length).toBeGreaterThan(1);
    for (const save of saves) expect(isDisabled(save)).toBe(true);
    // The settings main added (rotation default, exchanges guarded, confirm before critical) are inside the lock too.
    const fieldset = screen.getByText('Read-only: managed by your organisation').closest('fieldset')!;
    const checkboxes = within(fieldset).getAllByRole('checkbox') as HTMLInputElement[];
    expect(checkboxes.length).toBeGreaterThan(2);
    for (const box of checkboxes) expect(isDisabled(box)).toBe(true);
    expect(screen.getByText('Read-only: managed by your organisation')).toBeTruthy();
    expect(isDisabled(screen.getByRole('button', { name: 'Export all data (JSON)' }) as HTMLButtonElement)).toBe(false);
  });
});

test('a policy that does not lock settings is shown, and the settings stay editable', async () => {
  await renderOptions(
    data(() =>
      Promise.resolve({ policy: { forbidWithdraw: true, requireIpBinding: false, lockSettings: false }, notes: [] }),
    ),
  );
  await screen.findByRole('heading', { name: 'Managed by your organisation' });
  expect(within(notice()).getByText('Keys may not have the Withdraw permission.')).toBeTruthy();
  expect(within(notice()).queryByText(/read-only/)).toBeNull();
  expect(isDisabled(dueSoon())).toBe(false);
  expect(isDisabled(syncBox())).toBe(false);
});

test('the parts of a policy KeyScope ignored are listed, for whoever manages it', async () => {
  await renderOptions(data(() => Promise.resolve({ notes: [text('policy_note_unknown', 'colour')] })));
  await screen.findByRole('heading', { name: 'Managed by your organisation' });
  expect(within(notice()).getByText('Unknown policy field "colour" was ignored.')).toBeTruthy();
  expect(isDisabled(dueSoon())).toBe(false);
});

test.each([
  ['no policy', () => Promise.resolve<PolicyReading>({ notes: [] })],
  ['a seam without a policy', undefined],
])('%s: no notice, settings editable', async (_name, policy) => {
  await renderOptions(data(policy));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.queryByRole('heading', { name: 'Managed by your organisation' })).toBeNull();
  expect(isDisabled(dueSoon())).toBe(false);
});

test("in the user's language, with the organisation's own message as it wrote it", async () => {
  installI18n('ru');
  try {
    const reading: PolicyReading = {
      policy: {
        forbidWithdraw: true,
        requireIpBinding: false,
        maxRotationDays: 30,
        lockSettings: true,
        message: MESSAGE,
      },
      notes: [],
    };
    render(<Options data={data(() => Promise.resolve(reading))} />);
    const heading = await screen.findByRole('heading', { name: 'Управляется вашей организацией' });
    const section = heading.closest('section')!;
    expect(within(section).getByText(MESSAGE)).toBeTruthy();
    expect(within(section).getByText('Ключам нельзя давать разрешение на Вывод.')).toBeTruthy();
    expect(within(section).getByText('Ключи нужно сменить или удалить в течение 30 дн.')).toBeTruthy();
    expect(screen.getByText('Только чтение: управляется вашей организацией')).toBeTruthy();
  } finally {
    installI18n('en');
  }
});
