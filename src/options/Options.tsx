import { useCallback, useState } from 'preact/hooks';
import { isLive } from '../inventory/lifecycle';
import { remindersToIcs } from '../inventory/ics';
import { DUE_SOON_RANGE } from '../settings/settings';
import { exportAllData, type ImportReport } from '../inventory/transfer';
import type { ReminderList } from '../messages';
import { t } from '../i18n';
import { exchangeName } from '../ui/exchange-text';
import { useInventory, type Inventory } from '../ui/use-inventory';
import { download } from './download';
import { ExchangeSwitches } from './ExchangeSwitches';
import { GuardedSites } from './GuardedSites';
import { ImportReportView } from './ImportReportView';
import { KeptAside } from './KeptAside';
import { ManagedSettings } from './ManagedSettings';
import { NotificationsSetting } from './NotificationsSetting';
import type { OptionsData, SettingProps } from './options-data';
import { RotationDefault } from './RotationDefault';

function DueSoonSetting({ settings, inventory, data }: SettingProps) {
  const [text, setText] = useState(String(settings.dueSoonDays));
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const days = /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN;
    if (!(days >= DUE_SOON_RANGE.min && days <= DUE_SOON_RANGE.max)) {
      setProblem(t('error_days_range', DUE_SOON_RANGE.min, DUE_SOON_RANGE.max));
      return;
    }
    setProblem('');
    const result = await inventory.run(t('error_save_due_soon'), () =>
      data.send('settings:set', { dueSoonDays: days }),
    );
    if (result) setSaved(true);
  };

  return (
    <form class="ks-setting" onSubmit={save} noValidate>
      <label for="ks-due-soon">{t('options_due_soon')}</label>
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
        <span>{t('days_unit')}</span>
        <button type="submit" disabled={inventory.busy}>
          {t('save')}
        </button>
        {saved && (
          <span class="ks-ok" role="status">
            {t('saved')}
          </span>
        )}
      </div>
      {problem && (
        <p class="ks-field-error" id="ks-due-soon-error">
          {problem}
        </p>
      )}
    </form>
  );
}

function SyncSetting({ settings, inventory, data }: SettingProps) {
  const toggle = (sync: boolean) => {
    void inventory.run(t(sync ? 'error_sync_on' : 'error_sync_off'), () => data.send('settings:set', { sync }));
  };
  return (
    <div class="ks-setting">
      <label class="ks-check">
        <input
          type="checkbox"
          checked={settings.sync}
          disabled={inventory.busy}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        {t('options_sync')}
      </label>
      <p class="ks-muted">{t('options_sync_hint')}</p>
    </div>
  );
}

function ConfirmCriticalSetting({ settings, inventory, data }: SettingProps) {
  const toggle = (confirmCritical: boolean) => {
    void inventory.run(t('error_save_confirm_critical'), () => data.send('settings:set', { confirmCritical }));
  };
  return (
    <div class="ks-setting">
      <label class="ks-check">
        <input
          type="checkbox"
          checked={settings.confirmCritical}
          disabled={inventory.busy}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        {t('options_confirm_critical')}
      </label>
      <p class="ks-muted">{t('options_confirm_critical_hint')}</p>
    </div>
  );
}

function TransferSection({
  list,
  inventory,
  data,
  now,
  onChanged,
}: {
  list: ReminderList;
  inventory: Inventory;
  data: OptionsData;
  now: () => Date;
  onChanged: () => void;
}) {
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const live = list.reminders.filter(isLive).length;

  const exportAll = async () => {
    const guardedSites = await inventory.run(t('error_read_sites'), () => data.guardedSites());
    if (!guardedSites) return;
    const text = exportAllData(
      { reminders: list.reminders, quarantine: list.quarantine, settings: list.settings, guardedSites },
      now().toISOString(),
    );
    download(text, `keyscope-data-${list.today}.json`, 'application/json');
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReport(undefined);
    const result = await inventory.run(t('error_import', file.name), async () =>
      data.send('reminders:import', { text: await file.text() }),
    );
    // Cleared so that choosing the same file again (after fixing it) imports again.
    input.value = '';
    if (result) setReport(result);
    // Imported settings may have turned exchanges off, and so on: what this page shows is re-read with the list.
    if (result?.settings?.applied.length) onChanged();
  };

  return (
    <section class="ks-card" aria-labelledby="ks-transfer">
      <h2 id="ks-transfer">{t('keys_title')}</h2>
      <p class="ks-muted">
        {t(
          list.reminders.length === 1 ? 'options_key_count_one' : 'options_key_count_many',
          list.reminders.length,
          live,
          list.reminders.length - live,
        )}
      </p>
      <div class="ks-row-actions">
        <button type="button" disabled={inventory.busy} onClick={() => void exportAll()}>
          {t('options_export_all')}
        </button>
        <button
          type="button"
          onClick={() =>
            download(remindersToIcs(list.reminders, now(), exchangeName), 'keyscope-rotation.ics', 'text/calendar')
          }
        >
          {t('options_export_ics')}
        </button>
      </div>
      <p class="ks-muted">{t('options_export_all_hint')}</p>
      <label class="ks-file">
        <span>{t('options_import')}</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={inventory.busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      {report && <ImportReportView report={report} data={data} onSiteAdded={onChanged} />}
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
      <h1>{t('options_title')}</h1>
      {error && (
        <p class="ks-error" role="alert">
          {error}
        </p>
      )}
      {!list ? (
        <p class="ks-muted">{t('options_reading')}</p>
      ) : (
        <>
          {list.settings.syncProblem && (
            <p class="ks-banner" role="alert">
              <strong>{t('options_sync_off')} </strong>
              {list.settings.syncProblem}
            </p>
          )}
          <ManagedSettings data={data}>
            <section class="ks-card" aria-labelledby="ks-reminders" key={`reminders-${generation}`}>
              <h2 id="ks-reminders">{t('options_reminders')}</h2>
              <DueSoonSetting settings={list.settings} inventory={inventory} data={data} />
              <RotationDefault settings={list.settings} inventory={inventory} data={data} />
              {notificationsError && (
                <p class="ks-error" role="alert">
                  {notificationsError}
                </p>
              )}
              <NotificationsSetting data={data} onError={setNotificationsError} />
            </section>
            <section class="ks-card" aria-labelledby="ks-exchanges">
              <h2 id="ks-exchanges">{t('options_exchanges')}</h2>
              <ExchangeSwitches settings={list.settings} inventory={inventory} data={data} />
              <ConfirmCriticalSetting settings={list.settings} inventory={inventory} data={data} />
            </section>
            <section class="ks-card" aria-labelledby="ks-sync">
              <h2 id="ks-sync">{t('options_sync_title')}</h2>
              <SyncSetting settings={list.settings} inventory={inventory} data={data} />
            </section>
          </ManagedSettings>
          <GuardedSites key={`sites-${generation}`} data={data} />
          <TransferSection list={list} inventory={inventory} data={data} now={now} onChanged={reread} />
          <KeptAside list={list} inventory={inventory} data={data} />
        </>
      )}
    </main>
  );
}
