import type { SettingsChange } from '../inventory/settings';
import type { ImportReport } from '../inventory/transfer';
import type { OptionsData } from './options-data';
import { ReAddSites } from './ReAddSites';

const SETTING_WORDS: Record<keyof SettingsChange, string> = {
  dueSoonDays: '“due soon” window',
  sync: 'sync',
  rotationDays: 'rotation interval',
  disabledExchanges: 'exchanges turned off',
  confirmCritical: 'ask before creating a key with a critical problem',
};
const settingWords = (field: string) => SETTING_WORDS[field as keyof SettingsChange] ?? field;

/** What an import did: the counts, each refused record with its position, name and reason, and the other sections. */
export function ImportReportView({ report, data, onSiteAdded }: { report: ImportReport; data: OptionsData; onSiteAdded: () => void }) {
  if (report.error) {
    return (
      <div class="ks-report" aria-label="Import result">
        <p class="ks-error" role="alert">Nothing was imported. {report.error}</p>
      </div>
    );
  }
  const { settings, sites } = report;
  return (
    <div class="ks-report" aria-label="Import result" role="status">
      <p>
        <strong>Imported:</strong> {report.added} added, {report.updated} updated, {report.unchanged} unchanged
        {report.rejected.length > 0 ? `, ${report.rejected.length} rejected.` : '.'}
      </p>
      {report.rejected.length > 0 && (
        <ul class="ks-rejected">
          {report.rejected.map((r) => (
            <li key={r.index}>
              Record {r.index + 1}
              {r.name !== undefined && <> “{r.name}”</>}: {r.reason}
            </li>
          ))}
        </ul>
      )}
      {settings && (
        <p>
          <strong>Settings:</strong>{' '}
          {settings.applied.length ? `${settings.applied.map(settingWords).join(', ')} changed.` : 'nothing to change.'} Sync stays as
          it is in this browser.
        </p>
      )}
      {settings && settings.rejected.length > 0 && (
        <ul class="ks-rejected" aria-label="Settings not imported">
          {settings.rejected.map((r) => (
            <li key={r.field}>Setting “{settingWords(r.field)}” not imported: {r.reason}</li>
          ))}
        </ul>
      )}
      {report.keptAside !== undefined && report.keptAside > 0 && (
        <p>
          <strong>Records kept aside:</strong> {report.keptAside} added, unchanged, to the ones kept aside here.
        </p>
      )}
      {sites && sites.rejected.length > 0 && (
        <ul class="ks-rejected" aria-label="Sites not imported">
          {sites.rejected.map((site) => (
            <li key={site}>Site “{site}” not imported: not a web site address.</li>
          ))}
        </ul>
      )}
      {sites && sites.missing.length > 0 && <ReAddSites sites={sites.missing} data={data} onAdded={onSiteAdded} />}
    </div>
  );
}
