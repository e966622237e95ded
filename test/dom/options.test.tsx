import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Reminder } from '../../src/inventory/reminder';
import { DEFAULT_SETTINGS, type Settings } from '../../src/inventory/settings';
import { importAllData, type ImportReport } from '../../src/inventory/transfer';
import type { ReminderList } from '../../src/messages';
import type { OptionsData, OptionsMessage } from '../../src/options/options-data';
import { Options } from '../../src/options/Options';

const TODAY = '2026-11-26';
const NOW = new Date('2026-11-26T09:30:00Z');

function reminder(overrides: Partial<Reminder> = {}): Reminder {
  return {
    id: 'key-1', exchange: 'okx', name: 'tax tool', permissions: ['read'], ipBound: true,
    created: '2026-08-01', rotationDays: 90, due: '2026-10-30', state: 'active', source: 'manual',
    history: [{ kind: 'created', on: '2026-08-01' }], ...overrides,
  };
}

interface Call {
  type: OptionsMessage;
  payload: unknown;
}

/** The background as the options page sees it; `answer` decides each reply, `calls` records every message. */
function fakeBackground(
  options: { reminders?: Reminder[]; settings?: Partial<Settings>; quarantine?: unknown[]; report?: ImportReport; notifications?: boolean; grant?: boolean; sites?: string[] } = {},
) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  let notifications = options.notifications ?? false;
  let sites = options.sites ?? [];
  const reminders = options.reminders ?? [];
  const quarantine = options.quarantine ?? [];
  const calls: Call[] = [];
  const failing = new Map<OptionsMessage, string>();
  const send = async (type: OptionsMessage, payload: unknown) => {
    calls.push({ type, payload });
    const error = failing.get(type);
    if (error) throw new Error(error);
    if (type === 'settings:set') {
      settings = { ...settings, ...(payload as Partial<Settings>) };
      return settings;
    }
    if (type === 'sites:add') {
      sites = [...sites, (payload as { origin: string }).origin];
      return sites;
    }
    return options.report ?? { added: 0, updated: 0, unchanged: 0, rejected: [] };
  };
  const data: OptionsData = {
    reminders: async (): Promise<ReminderList> => ({ reminders, quarantined: quarantine.length, quarantine, settings, today: TODAY }),
    guardedSites: async () => sites,
    send: send as OptionsData['send'],
    notificationsAllowed: async () => notifications,
    // The browser's answer: granted unless the test says the user refused.
    requestNotifications: vi.fn(async () => (notifications = options.grant ?? true)),
    removeNotifications: vi.fn(async () => {
      notifications = false;
      return true;
    }),
    requestSite: vi.fn(async () => options.grant ?? true),
  };
  return { data, calls, failing };
}

/** Captures what the page hands to the browser to download: the blob's text and the link's file name. */
function captureDownloads() {
  const downloads: Array<{ filename: string; type: string; text: Promise<string> }> = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:keyscope/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    downloads.push({ filename: this.download, type: blob.type, text: blob.text() });
  });
  return downloads;
}

async function renderOptions(background: ReturnType<typeof fakeBackground>) {
  render(<Options data={background.data} now={() => NOW} />);
  await screen.findByRole('heading', { name: 'Reminders' });
}

beforeEach(() => {
  vi.restoreAllMocks();
});
afterEach(cleanup);

describe('options: reminder settings', () => {
  const dueSoon = () => screen.getByLabelText(/“Due soon” starts/) as HTMLInputElement;
  const saveDueSoon = () => within(dueSoon().closest('form')!).getByRole('button', { name: 'Save' });

  test('shows the current "due soon" window and saves a valid one', async () => {
    const background = fakeBackground({ settings: { dueSoonDays: 10 } });
    await renderOptions(background);
    expect(dueSoon().value).toBe('10');
    fireEvent.input(dueSoon(), { target: { value: '14' } });
    fireEvent.click(saveDueSoon());
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(background.calls).toEqual([{ type: 'settings:set', payload: { dueSoonDays: 14 } }]);
  });

  test.each(['0', '61', '2.5', 'a week', ''])('refuses %j with a clear message and sends nothing', async (typed) => {
    const background = fakeBackground();
    await renderOptions(background);
    fireEvent.input(dueSoon(), { target: { value: typed } });
    fireEvent.click(saveDueSoon());
    expect(screen.getByText('Enter a whole number of days from 1 to 60.')).toBeTruthy();
    expect(dueSoon().getAttribute('aria-invalid')).toBe('true');
    expect(background.calls).toEqual([]);
  });

  test('a refusal from the background is shown', async () => {
    const background = fakeBackground();
    background.failing.set('settings:set', 'The browser refused to store it.');
    await renderOptions(background);
    fireEvent.click(saveDueSoon());
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save the “due soon” window: The browser refused to store it.');
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  test('sync is off by default and turns on through the background', async () => {
    const background = fakeBackground();
    await renderOptions(background);
    const sync = screen.getByRole('checkbox', { name: 'Keep my key list in sync across my browsers' }) as HTMLInputElement;
    expect(sync.checked).toBe(false);
    fireEvent.click(sync);
    await waitFor(() => expect(background.calls).toEqual([{ type: 'settings:set', payload: { sync: true } }]));
    await waitFor(() => expect(sync.checked).toBe(true));
  });

  test('when KeyScope had to turn sync off, the page says why, at the top', async () => {
    const problem = 'Your key list is larger than the browser lets sync hold (100 KB); it stays in this browser only.';
    await renderOptions(fakeBackground({ settings: { syncProblem: problem } }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(`Sync across browsers was turned off: ${problem}`);
    expect(document.querySelector('main')!.children[1]).toBe(alert);
  });
});

describe('options: import', () => {
  const chooseFile = (text: string, name = 'keys.json') => {
    const input = screen.getByLabelText(/Import a KeyScope JSON export/) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
  };

  test('sends the file’s text and shows what was added, updated, unchanged and each rejected record with its reason', async () => {
    const report: ImportReport = {
      added: 2,
      updated: 1,
      unchanged: 3,
      rejected: [
        { index: 4, name: '<img src=x onerror=alert(1)>', reason: 'not a valid KeyScope reminder (invalid field: exchange)' },
        { index: 7, reason: 'duplicate id in this file' },
      ],
    };
    const background = fakeBackground({ report });
    await renderOptions(background);
    chooseFile('{"format":"keyscope-inventory"}');

    const result = await screen.findByRole('status', { name: 'Import result' });
    expect(background.calls).toEqual([{ type: 'reminders:import', payload: { text: '{"format":"keyscope-inventory"}' } }]);
    expect(result.textContent).toContain('Imported: 2 added, 1 updated, 3 unchanged, 2 rejected.');
    const items = within(result).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Record 5 “<img src=x onerror=alert(1)>”: not a valid KeyScope reminder (invalid field: exchange)',
      'Record 8: duplicate id in this file',
    ]);
    // A name from the file is text, never markup.
    expect(result.querySelector('img')).toBeNull();
  });

  test('a file refused as a whole says that nothing was imported, and why', async () => {
    const report: ImportReport = { added: 0, updated: 0, unchanged: 0, rejected: [], error: 'This file is not JSON, so it is not a KeyScope export.' };
    await renderOptions(fakeBackground({ report }));
    chooseFile('hello');
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported. This file is not JSON, so it is not a KeyScope export.');
  });

  test('a failure to reach the background is shown with the file’s name', async () => {
    const background = fakeBackground();
    background.failing.set('reminders:import', 'Could not establish connection. Receiving end does not exist.');
    await renderOptions(background);
    chooseFile('{}', 'backup.json');
    expect((await screen.findByRole('alert')).textContent).toBe('Could not import backup.json: Could not establish connection. Receiving end does not exist.');
  });
});

describe('options: export', () => {
  const live = reminder({ id: 'live-1', name: 'grid bot', permissions: ['read', 'trade'], ipBound: false, due: '2026-12-04' });
  const revoked = reminder({ id: 'old-1', name: 'old tracker', state: 'revoked', history: [{ kind: 'revoked', on: '2026-09-01' }] });

  test('all data downloads as one dated JSON file that KeyScope imports back whole', async () => {
    const downloads = captureDownloads();
    const settings = { rotationDays: 180, disabledExchanges: ['okx'], confirmCritical: true };
    await renderOptions(fakeBackground({ reminders: [live, revoked], settings, quarantine: ['damaged'], sites: ['https://zenith.example'] }));
    expect(screen.getByText('2 keys in this browser (1 live, 1 in history).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));

    await waitFor(() => expect(downloads.map((d) => d.filename)).toEqual(['keyscope-data-2026-11-26.json']));
    expect(downloads[0]!.type).toBe('application/json');
    const text = await downloads[0]!.text;
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'keyscope-inventory', exportedAt: NOW.toISOString(), quarantine: ['damaged'], guardedSites: ['https://zenith.example'] });
    expect(file.settings).toMatchObject(settings);
    expect(file.reminders.map((r: Reminder) => r.id)).toEqual(['live-1', 'old-1']);
    const empty = { reminders: [], quarantine: [], settings: DEFAULT_SETTINGS, guardedSites: [] };
    const back = importAllData(text, empty);
    expect(back.report).toMatchObject({ added: 2, rejected: [], keptAside: 1, sites: { missing: ['https://zenith.example'] } });
    expect(back.settings).toMatchObject(settings);
  });

  test('due dates download as an .ics calendar with one event per live key', async () => {
    const downloads = captureDownloads();
    await renderOptions(fakeBackground({ reminders: [live, revoked] }));
    fireEvent.click(screen.getByRole('button', { name: 'Export due dates to calendar (.ics)' }));

    expect(downloads.map((d) => [d.filename, d.type])).toEqual([['keyscope-rotation.ics', 'text/calendar']]);
    const ics = await downloads[0]!.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261204');
    expect(ics).toContain('SUMMARY:Rotate OKX API key "grid bot"');
    expect(ics).not.toContain('old tracker');
  });
});

describe('options: records kept aside', () => {
  test('none: says every record could be read, and offers no export', async () => {
    await renderOptions(fakeBackground());
    expect(screen.getByText('None: every stored record could be read.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /as found/ })).toBeNull();
  });

  test('shows how many and exports them exactly as found', async () => {
    const quarantine = [{ id: 'x', exchange: 'NOT VALID', name: 'kept' }, 'a string', { version: 9, reminders: [] }];
    const downloads = captureDownloads();
    await renderOptions(fakeBackground({ quarantine }));
    expect(screen.getByText(/^3 stored records could not be read/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export them as JSON, as found' }));
    expect(downloads.map((d) => d.filename)).toEqual(['keyscope-kept-aside-2026-11-26.json']);
    expect(JSON.parse(await downloads[0]!.text)).toEqual(quarantine);
  });
});
