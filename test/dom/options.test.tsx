import { text } from '../../src/core/text';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { adapterById } from '../../src/exchanges';
import type { Reminder } from '../../src/inventory/reminder';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { importAllData, type ImportReport } from '../../src/inventory/transfer';
import type { ReminderList } from '../../src/messages';
import type { OptionsData, OptionsMessage } from '../../src/options/options-data';
import { Options } from '../../src/options/Options';
import { manualReminder } from './manual-reminder';

const TODAY = '2026-11-26';
const NOW = new Date('2026-11-26T09:30:00Z');

interface Call {
  type: OptionsMessage;
  payload: unknown;
}

/** The background as the options page sees it; `answer` decides each reply, `calls` records every message. */
function fakeBackground(
  options: {
    reminders?: Reminder[];
    settings?: Partial<Settings>;
    quarantine?: unknown[];
    report?: ImportReport;
    notifications?: boolean;
    grant?: boolean;
    sites?: string[];
  } = {},
) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  let notifications = options.notifications ?? false;
  let sites = options.sites ?? [];
  const reminders = options.reminders ?? [];
  let quarantine = options.quarantine ?? [];
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
    if (type === 'kept-aside:delete') {
      const shown = (payload as { records: unknown[] }).records;
      const before = quarantine.length;
      quarantine = quarantine.filter((record) => !shown.some((r) => JSON.stringify(r) === JSON.stringify(record)));
      return before - quarantine.length;
    }
    if (type === 'sites:add') {
      sites = [...sites, (payload as { origin: string }).origin];
      return sites;
    }
    return options.report ?? { added: 0, updated: 0, unchanged: 0, rejected: [] };
  };
  const data: OptionsData = {
    reminders: async (): Promise<ReminderList> => ({
      reminders,
      quarantined: quarantine.length,
      quarantine,
      settings,
      today: TODAY,
    }),
    guardedSites: async () => sites,
    send: send,
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
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not save the “due soon” window: The browser refused to store it.',
    );
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  test('sync is off by default and turns on through the background', async () => {
    const background = fakeBackground();
    await renderOptions(background);
    const sync = screen.getByRole('checkbox', {
      name: 'Keep my key list in sync across my browsers',
    }) as HTMLInputElement;
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
        { index: 4, name: '<img src=x onerror=alert(1)>', reason: text('import_reason_invalid_field', 'exchange') },
        { index: 7, reason: text('import_reason_duplicate') },
      ],
    };
    const background = fakeBackground({ report });
    await renderOptions(background);
    chooseFile('{"format":"keyscope-inventory"}');

    const result = await screen.findByRole('status', { name: 'Import result' });
    expect(background.calls).toEqual([
      { type: 'reminders:import', payload: { text: '{"format":"keyscope-inventory"}' } },
    ]);
    expect(result.textContent).toContain('Imported: 2 added, 1 updated, 3 unchanged, 2 rejected.');
    const items = within(result)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Record 5 “\u2068<img src=x onerror=alert(1)>\u2069”: not a valid KeyScope reminder (invalid field: exchange)',
      'Record 8: duplicate id in this file',
    ]);
    // A name from the file is text, never markup.
    expect(result.querySelector('img')).toBeNull();
  });

  test('says, per record, what was changed to fit the organisation’s policy and KeyScope’s limits', async () => {
    const report: ImportReport = {
      added: 2,
      updated: 0,
      unchanged: 0,
      rejected: [],
      fitted: [
        {
          index: 0,
          name: 'grid bot',
          changes: [text('import_fit_rotation_policy', 90, 30), text('import_fit_due', '2027-01-30', '2026-12-01')],
        },
        { index: 3, changes: [text('import_fit_snooze', '2099-01-01')] },
      ],
    };
    await renderOptions(fakeBackground({ report }));
    chooseFile('{"format":"keyscope-inventory"}');
    const result = await screen.findByRole('status', { name: 'Import result' });
    expect(result.textContent).toContain('Changed to fit your organisation’s policy and KeyScope’s limits');
    const list = within(result).getByRole('list', {
      name: 'Changed to fit your organisation’s policy and KeyScope’s limits',
    });
    const records = [...list.children].map((record) => [
      record.firstChild!.textContent,
      [...record.querySelectorAll('li')].map((li) => li.textContent),
    ]);
    expect(records).toEqual([
      [
        'Record 1 “grid bot”',
        [
          'rotation interval cut from 90 to 30 days, your organisation’s maximum',
          'due date 2027-01-30 replaced by 2026-12-01 (creation date plus interval, within the exchange’s own deadline)',
        ],
      ],
      ['Record 4', ['snooze until 2099-01-01 removed (a snooze lasts 7 days at most)']],
    ]);
  });

  test('a file refused as a whole says that nothing was imported, and why', async () => {
    const report: ImportReport = {
      added: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      error: text('import_error_not_json'),
    };
    await renderOptions(fakeBackground({ report }));
    chooseFile('hello');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing was imported. This file is not JSON, so it is not a KeyScope export.',
    );
  });

  test('a failure to reach the background is shown with the file’s name', async () => {
    const background = fakeBackground();
    background.failing.set('reminders:import', 'Could not establish connection. Receiving end does not exist.');
    await renderOptions(background);
    chooseFile('{}', 'backup.json');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not import backup.json: Could not establish connection. Receiving end does not exist.',
    );
  });
});

describe('options: export', () => {
  const live = manualReminder({
    id: 'live-1',
    name: 'grid bot',
    permissions: ['read', 'trade'],
    ipBound: false,
    due: '2026-12-04',
  });
  const revoked = manualReminder({
    id: 'old-1',
    name: 'old tracker',
    state: 'revoked',
    history: [{ kind: 'revoked', on: '2026-09-01' }],
  });

  test('all data downloads as one dated JSON file that KeyScope imports back whole', async () => {
    const downloads = captureDownloads();
    const settings = { rotationDays: 180, disabledExchanges: ['okx'], confirmCritical: true };
    await renderOptions(
      fakeBackground({
        reminders: [live, revoked],
        settings,
        quarantine: ['damaged'],
        sites: ['https://zenith.example'],
      }),
    );
    expect(screen.getByText('2 keys in this browser (1 live, 1 in history).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));

    await waitFor(() => expect(downloads.map((d) => d.filename)).toEqual(['keyscope-data-2026-11-26.json']));
    expect(downloads[0]!.type).toBe('application/json');
    const text = await downloads[0]!.text;
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'keyscope-inventory',
      exportedAt: NOW.toISOString(),
      quarantine: ['damaged'],
      guardedSites: ['https://zenith.example'],
    });
    expect(file.settings).toMatchObject(settings);
    expect(file.reminders.map((r: Reminder) => r.id)).toEqual(['live-1', 'old-1']);
    const empty = { reminders: [], quarantine: [], settings: DEFAULT_SETTINGS, guardedSites: [] };
    const back = importAllData(text, empty, { today: '2026-11-26', rulesOf: (id) => adapterById(id)?.rules });
    expect(back.report).toMatchObject({
      added: 2,
      rejected: [],
      keptAside: 1,
      sites: { missing: ['https://zenith.example'] },
    });
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

describe('options: deleting the records kept aside, and their limit', () => {
  test('"Delete records kept aside" asks first, offers the export again, then deletes exactly the records shown', async () => {
    const quarantine = [{ id: 'x', exchange: 'NOT VALID' }, 'a string'];
    const downloads = captureDownloads();
    const background = fakeBackground({ quarantine });
    await renderOptions(background);
    fireEvent.click(screen.getByRole('button', { name: 'Delete records kept aside' }));
    const question = screen.getByRole('group', {
      name: /Delete the 2 records kept aside\? They cannot be brought back unless you exported them/,
    });
    expect(background.calls).toEqual([]);
    fireEvent.click(within(question).getByRole('button', { name: 'Export them as JSON, as found' }));
    expect(JSON.parse(await downloads[0]!.text)).toEqual(quarantine);

    fireEvent.click(within(question).getByRole('button', { name: 'Delete for good' }));
    expect((await screen.findByRole('status')).textContent).toBe('Deleted 2 records kept aside.');
    expect(background.calls).toEqual([{ type: 'kept-aside:delete', payload: { records: quarantine } }]);
    expect(screen.getByText('None: every stored record could be read.')).toBeTruthy();
  });

  test('Cancel deletes nothing', async () => {
    const background = fakeBackground({ quarantine: ['kept'] });
    await renderOptions(background);
    fireEvent.click(screen.getByRole('button', { name: 'Delete records kept aside' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: /Delete the record kept aside\?/ })).getByRole('button', {
        name: 'Cancel',
      }),
    );
    expect(background.calls).toEqual([]);
    expect(screen.getByText(/^1 stored record could not be read/)).toBeTruthy();
  });

  test('at the limit (500) the page says an import adding more is refused, and how to make room', async () => {
    await renderOptions(fakeBackground({ quarantine: Array.from({ length: 500 }, (_, i) => ({ broken: i })) }));
    expect(screen.getByText(/^500 stored records could not be read/).textContent).toContain(
      'KeyScope keeps at most 500 records aside: an import that would add more is refused. Export them, then delete them here to make room.',
    );
  });
});

describe('options: rotation interval, exchanges, confirm before critical', () => {
  const rotation = () => screen.getByLabelText('Suggest rotating a new key every') as HTMLSelectElement;
  const saveRotation = () => within(rotation().closest('form')!).getByRole('button', { name: 'Save' });

  test('shows the default interval (90 days) and saves another choice', async () => {
    const background = fakeBackground();
    await renderOptions(background);
    expect(rotation().value).toBe('90');
    expect(Array.from(rotation().options).map((o) => o.textContent)).toEqual([
      '30 days',
      '60 days',
      '90 days',
      '180 days',
      'Custom…',
    ]);
    fireEvent.change(rotation(), { target: { value: '180' } });
    fireEvent.click(saveRotation());
    expect(await within(rotation().closest('form')!).findByText('Saved.')).toBeTruthy();
    expect(background.calls).toEqual([{ type: 'settings:set', payload: { rotationDays: 180 } }]);
  });

  test('a stored custom interval shows as custom; a custom one is saved, a bad one refused with words', async () => {
    const background = fakeBackground({ settings: { rotationDays: 45 } });
    await renderOptions(background);
    expect(rotation().value).toBe('custom');
    const custom = screen.getByLabelText('Custom rotation interval in days') as HTMLInputElement;
    expect(custom.value).toBe('45');
    fireEvent.input(custom, { target: { value: '400' } });
    fireEvent.click(saveRotation());
    expect(screen.getByText('Enter a whole number of days from 1 to 366.')).toBeTruthy();
    expect(custom.getAttribute('aria-invalid')).toBe('true');
    expect(background.calls).toEqual([]);
    fireEvent.input(custom, { target: { value: '120' } });
    fireEvent.click(saveRotation());
    await waitFor(() => expect(background.calls).toEqual([{ type: 'settings:set', payload: { rotationDays: 120 } }]));
  });

  test('every exchange is on by default; turning OKX off and on again saves the list of exchanges turned off', async () => {
    const background = fakeBackground({ settings: { disabledExchanges: ['kraken'] } });
    await renderOptions(background);
    const okx = screen.getByRole('checkbox', { name: 'OKX' }) as HTMLInputElement;
    expect(okx.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Kraken' }) as HTMLInputElement).checked).toBe(false);
    const listed = Array.from(document.querySelectorAll('.ks-exchanges label')).map((l) => l.textContent);
    expect(listed).toEqual([
      'OKX',
      'Binance',
      'Bybit',
      'Coinbase',
      'Kraken',
      'KuCoin',
      'Bitget',
      'Gate',
      'HTX',
      'MEXC',
    ]);
    fireEvent.click(okx);
    await waitFor(() =>
      expect(background.calls).toEqual([{ type: 'settings:set', payload: { disabledExchanges: ['kraken', 'okx'] } }]),
    );
    await waitFor(() => expect(okx.checked).toBe(false));
    fireEvent.click(okx);
    await waitFor(() =>
      expect(background.calls.at(-1)).toEqual({ type: 'settings:set', payload: { disabledExchanges: ['kraken'] } }),
    );
    await waitFor(() => expect(okx.checked).toBe(true));
  });

  test('a refused change is shown and the box shows what is stored', async () => {
    const background = fakeBackground();
    background.failing.set('settings:set', 'The browser refused to store it.');
    await renderOptions(background);
    const okx = screen.getByRole('checkbox', { name: 'OKX' }) as HTMLInputElement;
    fireEvent.click(okx);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not turn KeyScope off for OKX: The browser refused to store it.',
    );
    await waitFor(() => expect(okx.checked).toBe(true));
  });

  test('"ask before creating a key with a critical problem" is off by default and turns on', async () => {
    const background = fakeBackground();
    await renderOptions(background);
    const box = screen.getByRole('checkbox', {
      name: 'Ask me to confirm before creating a key with a critical problem',
    }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() =>
      expect(background.calls).toEqual([{ type: 'settings:set', payload: { confirmCritical: true } }]),
    );
    await waitFor(() => expect(box.checked).toBe(true));
  });
});

describe('options: notifications', () => {
  const box = () =>
    screen.getByRole('checkbox', { name: /Notify me once when a key becomes due soon/ }) as HTMLInputElement;

  test('off: turning on asks the browser for the permission from the click itself, then shows on', async () => {
    const background = fakeBackground({ notifications: false });
    await renderOptions(background);
    await waitFor(() => expect(box().disabled).toBe(false));
    expect(box().checked).toBe(false);
    fireEvent.click(box());
    // Called synchronously inside the click: the browser grants a permission only during the user's gesture.
    expect(background.data.requestNotifications).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(box().checked).toBe(true));
  });

  test("refused by the user in the browser's prompt: stays off", async () => {
    const background = fakeBackground({ notifications: false, grant: false });
    await renderOptions(background);
    await waitFor(() => expect(box().disabled).toBe(false));
    fireEvent.click(box());
    await waitFor(() => expect(background.data.requestNotifications).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(box().checked).toBe(false);
  });

  test('on: turning off gives the permission back', async () => {
    const background = fakeBackground({ notifications: true });
    await renderOptions(background);
    await waitFor(() => expect(box().checked).toBe(true));
    fireEvent.click(box());
    expect(background.data.removeNotifications).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(box().checked).toBe(false));
    expect(background.data.requestNotifications).not.toHaveBeenCalled();
  });
});

describe('options: import of all data', () => {
  const chooseFile = (text: string) => {
    const input = screen.getByLabelText(/Import a KeyScope JSON export/) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([text], 'all.json', { type: 'application/json' })] } });
  };
  const report: ImportReport = {
    added: 1,
    updated: 0,
    unchanged: 0,
    rejected: [],
    settings: {
      applied: ['rotationDays', 'disabledExchanges'],
      rejected: [{ field: 'dueSoonDays', reason: text('settings_error_due_soon', 1, 60) }],
    },
    keptAside: 2,
    sites: { missing: ['https://zenith.example', 'https://lumen.example'], rejected: ['javascript:alert(1)'] },
  };

  test('reports the settings changed and refused, the records kept aside, and offers each missing site again', async () => {
    const background = fakeBackground({ report });
    await renderOptions(background);
    chooseFile('{}');
    const result = await screen.findByRole('status', { name: 'Import result' });
    expect(result.textContent).toContain(
      'Settings: rotation interval, exchanges turned off changed. Sync stays as it is in this browser.',
    );
    expect(result.textContent).toContain(
      'Setting not imported — “due soon” window: "Due soon" must be a whole number of days from 1 to 60.',
    );
    expect(result.textContent).toContain('Records kept aside: 2 added');
    expect(result.textContent).toContain('Site “javascript:alert(1)” not imported: not a web site address.');
    expect(result.textContent).toContain('an imported file cannot give KeyScope permission to read a site');
    expect(
      within(result)
        .getAllByRole('button', { name: /^Add .* again$/ })
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Add https://zenith.example again', 'Add https://lumen.example again']);
  });

  test('"Add again" asks the browser for that one site from the click, then guards it and lists it', async () => {
    const background = fakeBackground({ report });
    await renderOptions(background);
    chooseFile('{}');
    const result = await screen.findByRole('status', { name: 'Import result' });
    fireEvent.click(within(result).getByRole('button', { name: 'Add https://zenith.example again' }));
    expect(background.data.requestSite).toHaveBeenCalledWith('https://zenith.example');
    await waitFor(() =>
      expect(background.calls.at(-1)).toEqual({ type: 'sites:add', payload: { origin: 'https://zenith.example' } }),
    );
    const sites = screen.getByRole('region', { name: 'Sites you added' });
    await waitFor(() => expect(within(sites).getByText('https://zenith.example')).toBeTruthy());
    expect(within(result).queryByRole('button', { name: 'Add https://zenith.example again' })).toBeNull();
  });

  test('a site the browser refuses is not guarded, and the page says so', async () => {
    const background = fakeBackground({ report, grant: false });
    await renderOptions(background);
    chooseFile('{}');
    const result = await screen.findByRole('status', { name: 'Import result' });
    fireEvent.click(within(result).getByRole('button', { name: 'Add https://lumen.example again' }));
    expect((await within(result).findByRole('alert')).textContent).toBe(
      'Your browser did not allow KeyScope to read https://lumen.example, so it is not guarded.',
    );
    expect(background.calls.some((c) => c.type === 'sites:add')).toBe(false);
  });
});
