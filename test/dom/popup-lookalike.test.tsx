import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { ReminderList } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import type { ActiveTab, PopupData } from '../../src/popup/popup-data';

// The look-alike warning in the popup, against a fake tab behind the popup-data seam: what the user sees on a page
// whose address imitates an exchange, and that nothing is shown on the exchanges' own sites or on others.

const EMPTY: ReminderList = {
  reminders: [],
  quarantined: 0,
  quarantine: [],
  settings: DEFAULT_SETTINGS,
  today: '2026-11-26',
};

function fakeData(tab: () => Promise<ActiveTab>): PopupData {
  return {
    verdict: async () => null,
    onVerdict: () => () => undefined,
    reminders: async () => EMPTY,
    send: vi.fn(),
    notificationsAllowed: async () => true,
    requestNotifications: vi.fn(async () => true),
    openOptions: vi.fn(async () => undefined),
    activeTab: tab,
    guardedSites: async () => [],
    requestSite: vi.fn(async () => true),
    guardSite: vi.fn(async () => []),
  };
}

async function renderPopupOn(url: string | undefined) {
  render(<Popup data={fakeData(async () => (url === undefined ? { id: 3 } : { id: 3, url }))} />);
  await screen.findByRole('region', { name: 'Your keys' });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const warning = () => document.querySelector<HTMLElement>('[data-keyscope-lookalike]');

afterEach(cleanup);

describe('on a page whose address imitates an exchange', () => {
  test('says first, as an alert, that this is not the exchange, where the real one is, and what to do', async () => {
    await renderPopupOn('https://www.okx.com.secure-login.io/account/my-api');
    const block = warning()!;
    expect(block).not.toBeNull();
    expect(block.dataset.imitates).toBe('okx');
    expect(block.dataset.reason).toBe('brand-in-domain');
    expect(screen.getByRole('alert')).toBe(block);
    expect(screen.getByRole('heading', { name: 'This is not OKX.' })).not.toBeNull();
    expect(block.textContent).toContain('This page is on www.okx.com.secure-login.io.');
    expect(block.textContent).toContain('The real site is www.okx.com.');
    expect(block.textContent).toContain('Do not sign in, create an API key or type any code here.');
    // First thing under the title bar, above the tab's status and the keys.
    expect(document.querySelector('main')!.children[1]).toBe(block);
  });

  test('does not offer to guard the fake site', async () => {
    await renderPopupOn('https://okx-api-login.com/account/my-api');
    expect(warning()!.dataset.imitates).toBe('okx');
    expect(screen.queryByRole('button', { name: 'Guard this page' })).toBeNull();
  });

  test('a Cyrillic look-alike, as the browser hands it over (punycode), is shown as it reads', async () => {
    const url = new URL('https://bіnance.com/en/my/settings/api-management').href; // Cyrillic і
    expect(url).toContain('xn--');
    await renderPopupOn(url);
    expect(warning()!.dataset.imitates).toBe('binance');
    expect(warning()!.dataset.reason).toBe('punycode');
    expect(warning()!.textContent).toContain(
      'looks like “bіnance.com” but spells Binance with letters of another alphabet',
    );
    expect(warning()!.textContent).toContain('The real site is www.binance.com.');
  });

  test.each([
    ['https://0kx.com/', 'okx', 'confusable', 'spells OKX with look-alike characters'],
    ['https://binnance.com/', 'binance', 'edit-distance', 'one typo away from the address of Binance'],
    ['https://secure-huobi.com/', 'htx', 'brand-in-domain', 'puts the name HTX inside a domain'],
  ])('%s: imitates %s (%s)', async (url, exchange, reason, text) => {
    await renderPopupOn(url);
    expect(warning()!.dataset.imitates).toBe(exchange);
    expect(warning()!.dataset.reason).toBe(reason);
    expect(warning()!.textContent).toContain(text);
  });
});

describe('no warning', () => {
  test.each([
    'https://www.okx.com/account/my-api',
    'https://my.okx.com/',
    'https://accounts.binance.com/en/login',
    'https://www.binance.us/',
    'https://github.com/binance',
    'chrome://extensions/',
    'file:///home/me/okx.com.secure-login.io.html',
    undefined,
  ])('on %s', async (url) => {
    await renderPopupOn(url);
    expect(warning()).toBeNull();
    expect(screen.queryByRole('heading', { name: /^This is not/ })).toBeNull();
  });

  test('on a site KeyScope does not know, which is still offered for guarding', async () => {
    await renderPopupOn('https://zenith-exchange.example/account/api');
    expect(warning()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Guard this page' })).not.toBeNull();
  });

  test('when the tab cannot be read, the popup says so', async () => {
    render(<Popup data={fakeData(() => Promise.reject(new Error('No tab')))} />);
    await screen.findByText('Could not check whether this page imitates an exchange: No tab');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
      'Could not check whether this page imitates an exchange: No tab',
    );
    expect(warning()).toBeNull();
  });
});
