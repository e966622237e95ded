import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { ReminderList } from '../../src/messages';
import type { OptionsData, OptionsMessage } from '../../src/options/options-data';
import { Options } from '../../src/options/Options';

// "Sites you added" on the options page, against a fake background behind the options-data seam: the background's
// 'sites:remove' unregisters the site and gives its permission back (src/background/guarded-sites.ts); here it is
// enough that the page asks for exactly that and shows what is left.

const ZENITH = 'https://zenith-exchange.example';
const LUMEN = 'https://lumen-exchange.example';

function fakeBackground(initial: string[], options: { failRemove?: string; failList?: string } = {}) {
  let sites = [...initial];
  const calls: Array<{ type: OptionsMessage; payload: unknown }> = [];
  const list: ReminderList = {
    reminders: [],
    quarantined: 0,
    quarantine: [],
    settings: { ...DEFAULT_SETTINGS },
    today: '2026-11-26',
  };
  const send = vi.fn(async (type: OptionsMessage, payload: unknown) => {
    calls.push({ type, payload });
    if (type !== 'sites:remove') throw new Error(`unexpected ${type}`);
    if (options.failRemove) throw new Error(options.failRemove);
    sites = sites.filter((site) => site !== (payload as { origin: string }).origin);
    return sites;
  });
  const data: OptionsData = {
    reminders: async () => list,
    guardedSites: async () => {
      if (options.failList) throw new Error(options.failList);
      return sites;
    },
    send: send,
    notificationsAllowed: async () => false,
    requestNotifications: async () => false,
    removeNotifications: async () => true,
    requestSite: async () => false,
  };
  return { data, calls, sites: () => sites };
}

const section = () => screen.getByRole('region', { name: 'Sites you added' });

async function renderOptions(background: ReturnType<typeof fakeBackground>) {
  render(<Options data={background.data} />);
  await screen.findByRole('heading', { name: 'Sites you added' });
  await waitFor(() => expect(section().textContent).not.toContain('Reading the sites'));
}

afterEach(cleanup);

describe('options: sites you added', () => {
  test('with none, says so and how to add one', async () => {
    await renderOptions(fakeBackground([]));
    expect(section().textContent).toContain('None.');
    expect(section().textContent).toContain('“Guard this page”');
    expect(within(section()).queryAllByRole('listitem')).toHaveLength(0);
  });

  test('lists each site with its own Remove button', async () => {
    await renderOptions(fakeBackground([LUMEN, ZENITH]));
    expect(
      within(section())
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.ks-site')?.textContent),
    ).toEqual([LUMEN, ZENITH]);
    expect(within(section()).getByRole('button', { name: `Remove ${ZENITH}` })).toBeTruthy();
  });

  test('Remove sends sites:remove for that site, then shows what is left and what it did', async () => {
    const background = fakeBackground([LUMEN, ZENITH]);
    await renderOptions(background);
    fireEvent.click(within(section()).getByRole('button', { name: `Remove ${ZENITH}` }));
    expect((await within(section()).findByRole('status')).textContent).toBe(
      `KeyScope no longer guards ${ZENITH}, and no longer has permission to read it.`,
    );
    expect(background.calls).toEqual([{ type: 'sites:remove', payload: { origin: ZENITH } }]);
    expect(
      within(section())
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.ks-site')?.textContent),
    ).toEqual([LUMEN]);
  });

  test('removing the last site leaves the empty state', async () => {
    const background = fakeBackground([ZENITH]);
    await renderOptions(background);
    fireEvent.click(within(section()).getByRole('button', { name: `Remove ${ZENITH}` }));
    await waitFor(() => expect(section().textContent).toContain('None.'));
    expect(background.sites()).toEqual([]);
  });

  test('a refusal from the background is shown and the site stays listed', async () => {
    const background = fakeBackground([ZENITH], { failRemove: 'The browser refused to remove the permission.' });
    await renderOptions(background);
    fireEvent.click(within(section()).getByRole('button', { name: `Remove ${ZENITH}` }));
    expect((await within(section()).findByRole('alert')).textContent).toBe(
      `Could not remove ${ZENITH}: The browser refused to remove the permission.`,
    );
    expect(within(section()).getAllByRole('listitem')).toHaveLength(1);
    expect(within(section()).queryByRole('status')).toBeNull();
  });

  test('when the list cannot be read, the page says so instead of showing an empty list', async () => {
    render(<Options data={fakeBackground([], { failList: 'Receiving end does not exist.' }).data} />);
    expect(
      (await within(await screen.findByRole('region', { name: 'Sites you added' })).findByRole('alert')).textContent,
    ).toBe('Could not read the sites you added: Receiving end does not exist.');
    expect(section().textContent).not.toContain('None.');
  });
});
