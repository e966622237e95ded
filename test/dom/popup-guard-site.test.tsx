import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { ReminderList } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import type { ActiveTab, PopupData } from '../../src/popup/popup-data';

// "Guard this page" in the popup, against a fake browser and background behind the popup-data seam. What connects
// the seam to the real browser is tested at the end, with webextension-polyfill and the runtime replaced.

const browserFake = vi.hoisted(() => ({
  permissions: { request: vi.fn(), contains: vi.fn() },
  tabs: { query: vi.fn() },
  runtime: { connect: vi.fn(), openOptionsPage: vi.fn() },
}));
vi.mock('webextension-polyfill', () => ({ default: browserFake }));

const ZENITH = 'https://zenith-exchange.example';

/** A promise the test settles when it wants: the user answering the browser's permission prompt. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeData(
  tab: ActiveTab,
  options: { sites?: string[]; answer?: () => Promise<boolean>; guard?: (origin: string) => Promise<string[]> } = {},
) {
  let sites = options.sites ?? [];
  const list: ReminderList = {
    reminders: [],
    quarantined: 0,
    quarantine: [],
    settings: { ...DEFAULT_SETTINGS },
    today: '2026-11-26',
  };
  const data: PopupData = {
    verdict: async () => null,
    onVerdict: () => () => undefined,
    reminders: async () => list,
    send: vi.fn(),
    notificationsAllowed: async () => true,
    requestNotifications: vi.fn(async () => true),
    openOptions: vi.fn(async () => undefined),
    activeTab: async () => tab,
    guardedSites: async () => sites,
    requestSite: vi.fn(() => options.answer?.() ?? Promise.resolve(true)),
    guardSite: vi.fn(
      options.guard ??
        (async (origin: string) => {
          sites = [...sites, origin];
          return sites;
        }),
    ),
  };
  return data;
}

const guardButton = () => screen.queryByRole('button', { name: 'Guard this page' });

async function renderPopup(data: PopupData) {
  render(<Popup data={data} />);
  await screen.findByRole('region', { name: 'Your keys' });
  // Let the tab and site look-ups settle.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(cleanup);

describe('when "Guard this page" is offered', () => {
  test('on a page of a site KeyScope does not know, naming the site', async () => {
    await renderPopup(fakeData({ id: 7, url: `${ZENITH}/account/api?tab=create#new` }));
    expect(guardButton()).not.toBeNull();
    expect(screen.getByRole('region', { name: 'Guard this page' }).textContent).toContain(
      `KeyScope does not know ${ZENITH}.`,
    );
  });

  test.each([
    ['a supported exchange', 'https://www.okx.com/account/my-api', []],
    ['a site already guarded', `${ZENITH}/account/api`, [ZENITH]],
    ['a browser page', 'chrome://extensions/', []],
    ['a local file', 'file:///home/me/keys.html', []],
    ['a tab whose address the browser withholds', undefined, []],
  ])('not on %s', async (_what, url, sites) => {
    await renderPopup(fakeData(url === undefined ? { id: 7 } : { id: 7, url }, { sites }));
    expect(guardButton()).toBeNull();
  });

  test('the same site over plain http is another origin, offered on its own', async () => {
    await renderPopup(fakeData({ id: 7, url: 'http://zenith-exchange.example/account/api' }, { sites: [ZENITH] }));
    expect(screen.getByRole('region', { name: 'Guard this page' }).textContent).toContain(
      'http://zenith-exchange.example.',
    );
  });
});

describe('clicking "Guard this page"', () => {
  test('asks for the permission within the click itself, then has the background guard the site in this tab', async () => {
    const answer = deferred<boolean>();
    const data = fakeData({ id: 7, url: `${ZENITH}/account/api` }, { answer: () => answer.promise });
    await renderPopup(data);
    fireEvent.click(guardButton()!);
    // Synchronously, before any await: the browser grants a permission only during the user's gesture.
    expect(data.requestSite).toHaveBeenCalledExactlyOnceWith(ZENITH);
    expect(data.guardSite).not.toHaveBeenCalled();
    expect(guardButton()!.hasAttribute('disabled')).toBe(true);

    answer.resolve(true);
    expect((await screen.findByRole('status')).textContent).toBe(`KeyScope now guards ${ZENITH}`);
    expect(data.guardSite).toHaveBeenCalledExactlyOnceWith(ZENITH, 7);
    expect(guardButton()).toBeNull();
  });

  test('when the user refuses, nothing is added and the button stays for another try', async () => {
    const data = fakeData({ id: 7, url: `${ZENITH}/account/api` }, { answer: async () => false });
    await renderPopup(data);
    fireEvent.click(guardButton()!);
    expect((await screen.findByRole('status')).textContent).toBe('Permission refused: nothing changed.');
    expect(data.guardSite).not.toHaveBeenCalled();
    await waitFor(() => expect(guardButton()!.hasAttribute('disabled')).toBe(false));
  });

  test('when the background cannot guard the site, its words are shown and the offer stays', async () => {
    const data = fakeData(
      { id: 7, url: `${ZENITH}/` },
      { guard: () => Promise.reject(new Error('KeyScope needs your permission for this site first.')) },
    );
    await renderPopup(data);
    fireEvent.click(guardButton()!);
    expect((await screen.findByRole('status')).textContent).toBe(
      `Could not guard ${ZENITH}: KeyScope needs your permission for this site first.`,
    );
    expect(guardButton()).not.toBeNull();
  });

  test('when the browser itself fails the request, that is said too', async () => {
    const data = fakeData(
      { id: 7, url: `${ZENITH}/` },
      { answer: () => Promise.reject(new Error('Permissions may only be requested during a user gesture.')) },
    );
    await renderPopup(data);
    fireEvent.click(guardButton()!);
    expect((await screen.findByRole('status')).textContent).toContain(
      'Permissions may only be requested during a user gesture.',
    );
    expect(data.guardSite).not.toHaveBeenCalled();
  });
});

describe('the seam as connected to the browser', () => {
  test("requestSite calls permissions.request for the site's pattern at once; guardSite sends sites:add with the tab", async () => {
    const sendMessage = vi.fn(async () => [ZENITH]);
    vi.stubGlobal('chrome', { runtime: { sendMessage } });
    browserFake.tabs.query.mockResolvedValue([{ id: 7, url: `${ZENITH}/account/api` }]);
    browserFake.permissions.request.mockResolvedValue(true);
    try {
      const { connectPopupData } = await import('../../src/popup/popup-data');
      const data = connectPopupData();
      expect(await data.activeTab()).toEqual({ id: 7, url: `${ZENITH}/account/api` });
      const granted = data.requestSite(ZENITH);
      expect(browserFake.permissions.request).toHaveBeenCalledExactlyOnceWith({ origins: [`${ZENITH}/*`] });
      expect(await granted).toBe(true);
      expect(await data.guardSite(ZENITH, 7)).toEqual([ZENITH]);
      expect(sendMessage).toHaveBeenLastCalledWith({ type: 'sites:add', payload: { origin: ZENITH, tabId: 7 } });
      await data.guardedSites();
      expect(sendMessage).toHaveBeenLastCalledWith({ type: 'sites:list', payload: {} });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
