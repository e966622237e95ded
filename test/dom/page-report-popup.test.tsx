import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { descriptionFileName, type PageDescription } from '../../src/content/read/page-description';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { ReminderList } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import type { ActiveTab, PopupData } from '../../src/popup/popup-data';

// "This page is not read right?" in the popup: the description of the current tab's form comes from KeyScope's guard
// in that tab (popup → background → tab), is shown as text, and the tab saves it as a file. Against a fake browser
// behind the popup-data seam; then the seam and the background's relay with the browser replaced.

const browserFake = vi.hoisted(() => ({
  tabs: { query: vi.fn(), sendMessage: vi.fn() },
  runtime: { connect: vi.fn(), openOptionsPage: vi.fn() },
  storage: { session: { get: vi.fn(), set: vi.fn(), remove: vi.fn() } },
}));
vi.mock('webextension-polyfill', () => ({ default: browserFake }));

const OKX_TAB: ActiveTab = { id: 7, url: 'https://www.okx.com/account/my-api' };

const DESCRIPTION: PageDescription = {
  keyscope: 'page-description',
  version: 1,
  host: 'www.okx.com',
  path: '/account/my-api',
  exchange: 'okx',
  area: 'key-form',
  nodes: 4,
  root: {
    tag: 'form',
    children: [
      { tag: 'label', children: [{ tag: 'input', attrs: { type: 'checkbox' }, checked: true }, 'Read'] },
      { tag: 'h3', children: ['<b>Permissions</b>'] },
    ],
  },
};

function fakeData(tab: ActiveTab, describePage?: PopupData['describePage'], sites: string[] = []): PopupData {
  const list: ReminderList = {
    reminders: [],
    quarantined: 0,
    quarantine: [],
    settings: { ...DEFAULT_SETTINGS },
    today: '2026-11-26',
  };
  return {
    verdict: async () => null,
    onVerdict: () => () => undefined,
    reminders: async () => list,
    send: vi.fn(),
    notificationsAllowed: async () => true,
    requestNotifications: vi.fn(async () => true),
    openOptions: vi.fn(async () => undefined),
    activeTab: async () => tab,
    guardedSites: async () => sites,
    requestSite: vi.fn(async () => false),
    guardSite: vi.fn(async () => sites),
    ...(describePage ? { describePage } : {}),
  };
}

async function renderPopup(data: PopupData) {
  render(<Popup data={data} />);
  await screen.findByRole('region', { name: 'Your keys' });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const reportButton = () => screen.queryByRole('button', { name: 'This page is not read right?' });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the popup\'s "This page is not read right?"', () => {
  test('asks the tab for the description at the click, shows it as text, and has the tab save it', async () => {
    const describePage = vi.fn(async (_save: boolean) => structuredClone(DESCRIPTION));
    await renderPopup(fakeData(OKX_TAB, describePage));
    expect(describePage).not.toHaveBeenCalled();
    fireEvent.click(reportButton()!);
    const pre = await screen.findByLabelText('Description of this page’s form');
    expect(describePage).toHaveBeenCalledExactlyOnceWith(false);
    expect(JSON.parse(pre.textContent)).toEqual(DESCRIPTION);
    // The page's own text is shown as text, never parsed.
    expect(pre.querySelector('b')).toBeNull();
    expect(pre.textContent).toContain('<b>Permissions</b>');

    fireEvent.click(screen.getByRole('button', { name: 'Save as file' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(`Saved as ${descriptionFileName(DESCRIPTION)}`),
    );
    expect(describePage).toHaveBeenLastCalledWith(true);

    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByLabelText('Description of this page’s form')).toBeNull();
  });

  test('says so when KeyScope is not running in the tab', async () => {
    const describePage = vi.fn(async () => {
      throw new Error('KeyScope is not running on this page. Reload the page, then try again.');
    });
    await renderPopup(fakeData(OKX_TAB, describePage));
    fireEvent.click(reportButton()!);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Could not describe this page: KeyScope is not running on this page. Reload the page, then try again.',
      ),
    );
  });

  test('offered on supported exchanges and guarded sites only', async () => {
    const describePage = vi.fn(async () => DESCRIPTION);
    await renderPopup(fakeData({ id: 1, url: 'https://news.example/article' }, describePage));
    expect(reportButton()).toBeNull();
    cleanup();
    await renderPopup(
      fakeData({ id: 1, url: 'https://zenith-exchange.example/account/api' }, describePage, [
        'https://zenith-exchange.example',
      ]),
    );
    expect(reportButton()).not.toBeNull();
  });
});

describe('the round trip as connected to the browser', () => {
  test('the popup sends page:describe with its tab; the background asks that tab and returns its answer', async () => {
    const sendMessage = vi.fn(async () => DESCRIPTION);
    vi.stubGlobal('chrome', { runtime: { sendMessage } });
    browserFake.tabs.query.mockResolvedValue([{ id: 7, url: OKX_TAB.url }]);
    try {
      const { connectPopupData } = await import('../../src/popup/popup-data');
      const data = connectPopupData();
      expect(await data.describePage!(true)).toEqual(DESCRIPTION);
      expect(sendMessage).toHaveBeenLastCalledWith({ type: 'page:describe', payload: { tabId: 7, save: true } });
    } finally {
      vi.unstubAllGlobals();
    }

    const { describeTab } = await import('../../src/background/verdicts');
    browserFake.tabs.sendMessage.mockResolvedValueOnce(DESCRIPTION);
    expect(await describeTab(7, false, { id: 'keyscope' })).toEqual(DESCRIPTION);
    expect(browserFake.tabs.sendMessage).toHaveBeenLastCalledWith(7, { type: 'page:describe', payload: { tabId: 7 } });
    // No guard in the tab: the browser finds no receiving end, or nobody answers.
    browserFake.tabs.sendMessage.mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(describeTab(7, false, { id: 'keyscope' })).rejects.toThrow('KeyScope is not running on this page');
    browserFake.tabs.sendMessage.mockResolvedValueOnce(undefined);
    await expect(describeTab(7, false, { id: 'keyscope' })).rejects.toThrow('KeyScope is not running on this page');
    // A tab never gets another tab's page.
    await expect(
      describeTab(7, false, {
        id: 'keyscope',
        tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
      }),
    ).rejects.toThrow('must come from the popup');
  });
});
