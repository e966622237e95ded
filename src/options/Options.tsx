import { useCallback, useState } from 'preact/hooks';
import { isLive } from '../inventory/lifecycle';
import { remindersToIcs } from '../inventory/ics';
import { DUE_SOON_RANGE, type Settings } from '../inventory/settings';
import { exportInventory, type ImportReport } from '../inventory/transfer';
import type { ReminderList } from '../messages';
import { exchangeName } from '../ui/exchange-text';
import { useInventory, type Inventory } from '../ui/use-inventory';
import { download } from './download';
import { GuardedSites } from './GuardedSites';
import { ImportReportView } from './ImportReportView';
import { ManagedSettings } from './ManagedSettings';
import type { OptionsData } from './options-data';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function DueSoonSetting({ settings, inventory, data }: { settings: Settings; inventory: Inventory; data: OptionsData }) {
  const [text, setText] = useState(String(settings.dueSoonDays));
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const days = /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN;
    if (!(days >= DUE_SOON_RANGE.min && days <= DUE_SOON_RANGE.max)) {
      setProblem(`Enter a whole number of days from ${DUE_SOON_RANGE.min} to ${DUE_SOON_RANGE.max}.`);
      return;
    }
    setProblem('');
    const result = await inventory.run('Could not save the “due soon” window', () => data.send('settings:set', { dueSoonDays: days }));
    if (result) setSaved(true);
  };

  return (
    <form class="ks-setting" onSubmit={save} noValidate>
      <label for="ks-due-soon">“Due soon” starts this many days before a key’s rotation date</label>
      <div class="ks-inline">
        <input
          id="ks-due-soon"
          type="text"
          inputMode="numeric"
          size={4}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setSaved(false);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'ks-due-soon-error' : undefined}
        />
        <span>days</span>
        <button type="submit" disabled={inventory.busy}>Save</button>
        {saved && <span class="ks-ok" role="status">Saved.</span>}
      </div>
      {problem && <p class="ks-field-error" id="ks-due-soon-error">{problem}</p>}
    </form>
  );
}

function SyncSetting({ settings, inventory, data }: { settings: Settings; inventory: Inventory; data: OptionsData }) {
  const toggle = (sync: boolean) => {
    void inventory.run(sync ? 'Could not turn on sync' : 'Could not turn off sync', () => data.send('settings:set', { sync }));
  };
  return (
    <div class="ks-setting">
      <label class="ks-check">
        <input type="checkbox" checked={settings.sync} disabled={inventory.busy} onChange={(e) => toggle(e.currentTarget.checked)} />
        Keep my key list in sync across my browsers
      </label>
      <p class="ks-muted">
        Uses your browser’s own sync (storage.sync), signed in to the same account. Off by default. Only what you see
        here travels: names, permissions, dates — never a key or secret.
      </p>
    </div>
  );
}

function TransferSection({ list, inventory, data, now }: { list: ReminderList; inventory: Inventory; data: OptionsData; now: () => Date }) {
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const live = list.reminders.filter(isLive).length;

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReport(undefined);
    const result = await inventory.run(`Could not import ${file.name}`, async () => data.send('reminders:import', { text: await file.text() }));
    // Cleared so that choosing the same file again (after fixing it) imports again.
    input.value = '';
    if (result) setReport(result);
  };

  return (
    <section class="ks-card" aria-labelledby="ks-transfer">
      <h2 id="ks-transfer">Your keys</h2>
      <p class="ks-muted">
        {plural(list.reminders.length, 'key', 'keys')} in this browser ({live} live, {list.reminders.length - live} in history).
      </p>
      <div class="ks-row-actions">
        <button type="button" onClick={() => download(exportInventory(list.reminders, now().toISOString()), `keyscope-keys-${list.today}.json`, 'application/json')}>
          Export inventory (JSON)
        </button>
        <button type="button" onClick={() => download(remindersToIcs(list.reminders, now(), exchangeName), 'keyscope-rotation.ics', 'text/calendar')}>
          Export due dates to calendar (.ics)
        </button>
      </div>
      <label class="ks-file">
        <span>Import a KeyScope JSON export (merged with your list; nothing is duplicated or overwritten with older data)</span>
        <input type="file" accept=".json,application/json" disabled={inventory.busy} onChange={(e) => void importFile(e.currentTarget)} />
      </label>
      {report && <ImportReportView report={report} />}
    </section>
  );
}

function QuarantineSection({ list }: { list: ReminderList }) {
  const count = list.quarantine.length;
  return (
    <section class="ks-card" aria-labelledby="ks-quarantine">
      <h2 id="ks-quarantine">Records kept aside</h2>
      {count === 0 ? (
        <p class="ks-muted">None: every stored record could be read.</p>
      ) : (
        <>
          <p class="ks-warning">
            {plural(count, 'stored record', 'stored records')} could not be read (damaged, or written by a newer KeyScope).{' '}
            {count === 1 ? 'It is' : 'They are'} kept unchanged, never deleted, and {count === 1 ? 'is' : 'are'} not in your list.
          </p>
          <div class="ks-row-actions">
            <button type="button" onClick={() => download(JSON.stringify(list.quarantine, null, 2), `keyscope-kept-aside-${list.today}.json`, 'application/json')}>
              Export {count === 1 ? 'it' : 'them'} as JSON, as found
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** The options page: reminder settings, sync, the sites the user added, export and import, and the records kept aside. */
export function Options({ data, now = () => new Date() }: { data: OptionsData; now?: () => Date }) {
  const inventory = useInventory(useCallback(() => data.reminders(), [data]));
  const { list, error } = inventory;

  return (
    <main class="ks-options">
      <h1>KeyScope settings</h1>
      {error && <p class="ks-error" role="alert">{error}</p>}
      {!list ? (
        <p class="ks-muted">Reading your settings…</p>
      ) : (
        <>
          {list.settings.syncProblem && (
            <p class="ks-banner" role="alert">
              <strong>Sync across browsers was turned off: </strong>
              {list.settings.syncProblem}
            </p>
          )}
          <ManagedSettings data={data}>
          <section class="ks-card" aria-labelledby="ks-reminders">
            <h2 id="ks-reminders">Reminders</h2>
            <DueSoonSetting settings={list.settings} inventory={inventory} data={data} />
          </section>
          <section class="ks-card" aria-labelledby="ks-sync">
            <h2 id="ks-sync">Sync</h2>
            <SyncSetting settings={list.settings} inventory={inventory} data={data} />
          </section>
          </ManagedSettings>
          <GuardedSites data={data} />
          <TransferSection list={list} inventory={inventory} data={data} now={now} />
          <QuarantineSection list={list} />
        </>
      )}
    </main>
  );
}
