import { useCallback, useState } from 'preact/hooks';
import { isLive } from '../inventory/lifecycle';
import { remindersToIcs } from '../inventory/ics';
import { DUE_SOON_RANGE, type Settings } from '../inventory/settings';
import { exportAllData, type ImportReport } from '../inventory/transfer';
import type { ReminderList } from '../messages';
import { exchangeName } from '../ui/exchange-text';
import { useInventory, type Inventory } from '../ui/use-inventory';
import { download } from './download';
import { ExchangeSwitches } from './ExchangeSwitches';
import { GuardedSites } from './GuardedSites';
import { ImportReportView } from './ImportReportView';
import { NotificationsSetting } from './NotificationsSetting';
import type { OptionsData } from './options-data';
import { RotationDefault } from './RotationDefault';

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

function ConfirmCriticalSetting({ settings, inventory, data }: { settings: Settings; inventory: Inventory; data: OptionsData }) {
  const toggle = (confirmCritical: boolean) => {
    void inventory.run('Could not save “ask before creating”', () => data.send('settings:set', { confirmCritical }));
  };
  return (
    <div class="ks-setting">
      <label class="ks-check">
        <input type="checkbox" checked={settings.confirmCritical} disabled={inventory.busy} onChange={(e) => toggle(e.currentTarget.checked)} />
        Ask me to confirm before creating a key with a critical problem
      </label>
      <p class="ks-muted">
        Off by default. When on, and the form has a critical problem (such as Withdraw enabled) as you press the
        exchange’s create button, KeyScope’s panel asks once “Create anyway?”. Confirm, and the key is created as you
        filled it in; go back, and nothing is sent.
      </p>
    </div>
  );
}

function TransferSection({ list, inventory, data, now, onChanged }: { list: ReminderList; inventory: Inventory; data: OptionsData; now: () => Date; onChanged: () => void }) {
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const live = list.reminders.filter(isLive).length;

  const exportAll = async () => {
    const guardedSites = await inventory.run('Could not read the sites you added', () => data.guardedSites());
    if (!guardedSites) return;
    const text = exportAllData({ reminders: list.reminders, quarantine: list.quarantine, settings: list.settings, guardedSites }, now().toISOString());
    download(text, `keyscope-data-${list.today}.json`, 'application/json');
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReport(undefined);
    const result = await inventory.run(`Could not import ${file.name}`, async () => data.send('reminders:import', { text: await file.text() }));
    // Cleared so that choosing the same file again (after fixing it) imports again.
    input.value = '';
    if (result) setReport(result);
    // Imported settings may have turned exchanges off, and so on: what this page shows is re-read with the list.
    if (result?.settings?.applied.length) onChanged();
  };

  return (
    <section class="ks-card" aria-labelledby="ks-transfer">
      <h2 id="ks-transfer">Your keys</h2>
      <p class="ks-muted">
        {plural(list.reminders.length, 'key', 'keys')} in this browser ({live} live, {list.reminders.length - live} in history).
      </p>
      <div class="ks-row-actions">
        <button type="button" disabled={inventory.busy} onClick={() => void exportAll()}>
          Export all data (JSON)
        </button>
        <button type="button" onClick={() => download(remindersToIcs(list.reminders, now(), exchangeName), 'keyscope-rotation.ics', 'text/calendar')}>
          Export due dates to calendar (.ics)
        </button>
      </div>
      <p class="ks-muted">
        One file with your settings, your keys and their history, the records kept aside, and the sites you added.
        Never a key or secret: KeyScope never has them.
      </p>
      <label class="ks-file">
        <span>Import a KeyScope JSON export (merged with your list; nothing is duplicated or overwritten with older data)</span>
        <input type="file" accept=".json,application/json" disabled={inventory.busy} onChange={(e) => void importFile(e.currentTarget)} />
      </label>
      {report && <ImportReportView report={report} data={data} onSiteAdded={onChanged} />}
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

/**
 * The options page: reminder settings (due-soon window, rotation interval, notifications), the exchanges guarded and
 * confirm-before-critical, sync, the sites the user added, export and import of all data, and the records kept aside.
 */
export function Options({ data, now = () => new Date() }: { data: OptionsData; now?: () => Date }) {
  const inventory = useInventory(useCallback(() => data.reminders(), [data]));
  const { list, error } = inventory;
  const [notificationsError, setNotificationsError] = useState('');
  // Bumped when an import adds a site or changes settings: those sections read their state again.
  const [generation, setGeneration] = useState(0);
  const reread = useCallback(() => setGeneration((n) => n + 1), []);

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
          <section class="ks-card" aria-labelledby="ks-reminders" key={`reminders-${generation}`}>
            <h2 id="ks-reminders">Reminders</h2>
            <DueSoonSetting settings={list.settings} inventory={inventory} data={data} />
            <RotationDefault settings={list.settings} inventory={inventory} data={data} />
            {notificationsError && <p class="ks-error" role="alert">{notificationsError}</p>}
            <NotificationsSetting data={data} onError={setNotificationsError} />
          </section>
          <section class="ks-card" aria-labelledby="ks-exchanges">
            <h2 id="ks-exchanges">Exchanges</h2>
            <ExchangeSwitches settings={list.settings} inventory={inventory} data={data} />
            <ConfirmCriticalSetting settings={list.settings} inventory={inventory} data={data} />
          </section>
          <section class="ks-card" aria-labelledby="ks-sync">
            <h2 id="ks-sync">Sync</h2>
            <SyncSetting settings={list.settings} inventory={inventory} data={data} />
          </section>
          <GuardedSites key={`sites-${generation}`} data={data} />
          <TransferSection list={list} inventory={inventory} data={data} now={now} onChanged={reread} />
          <QuarantineSection list={list} />
        </>
      )}
    </main>
  );
}
