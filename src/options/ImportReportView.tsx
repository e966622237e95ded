import { isolated, text, type MessageId } from '../core/text';
import { say, t } from '../i18n';
import type { SettingsChange } from '../settings/settings';
import type { ImportReport } from '../inventory/transfer';
import type { OptionsData } from './options-data';
import { ReAddSites } from './ReAddSites';

const SETTING_WORDS: Record<keyof SettingsChange, MessageId> = {
  dueSoonDays: 'setting_due_soon',
  sync: 'setting_sync',
  rotationDays: 'setting_rotation',
  disabledExchanges: 'setting_exchanges_off',
  confirmCritical: 'setting_confirm_critical',
};
/** A setting's name for the user; a field this KeyScope does not know is shown as the file names it. */
const settingWords = (field: string): string => {
  const id = SETTING_WORDS[field as keyof SettingsChange] as MessageId | undefined;
  return id ? t(id) : field;
};

/**
 * What an import did: the counts, each refused record with its position, name and reason, each record changed to fit
 * the policy and KeyScope's limits with what changed, and the other sections.
 */
export function ImportReportView({
  report,
  data,
  onSiteAdded,
}: {
  report: ImportReport;
  data: OptionsData;
  onSiteAdded: () => void;
}) {
  if (report.error) {
    return (
      <div class="ks-report" aria-label={t('import_result')}>
        <p class="ks-error" role="alert">
          {t('import_nothing', say(report.error))}
        </p>
      </div>
    );
  }
  const { settings, sites } = report;
  return (
    <div class="ks-report" aria-label={t('import_result')} role="status">
      <p>
        <strong>{t('import_imported')}</strong>{' '}
        {t(
          report.rejected.length > 0 ? 'import_counts_rejected' : 'import_counts',
          report.added,
          report.updated,
          report.unchanged,
          report.rejected.length,
        )}
      </p>
      {report.rejected.length > 0 && (
        <ul class="ks-rejected">
          {report.rejected.map((r) => (
            <li key={r.index}>
              {r.name !== undefined
                ? t('import_rejected_named', r.index + 1, isolated(r.name), say(r.reason))
                : t('import_rejected', r.index + 1, say(r.reason))}
            </li>
          ))}
        </ul>
      )}
      {report.fitted && report.fitted.length > 0 && (
        <>
          <p>
            <strong>{t('import_fitted')}</strong>
          </p>
          <ul class="ks-fitted" aria-label={t('import_fitted')}>
            {report.fitted.map((f) => (
              <li key={f.index}>
                {f.name ? t('import_fitted_named', f.index + 1, f.name) : t('import_fitted_unnamed', f.index + 1)}
                <ul>
                  {f.changes.map((change, i) => (
                    <li key={i}>{say(change)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {settings && (
        <p>
          <strong>{t('import_settings')}</strong>{' '}
          {settings.managed
            ? t('import_settings_managed')
            : say([
                settings.applied.length
                  ? text(
                      'import_settings_changed',
                      settings.applied.map((field) => text(SETTING_WORDS[field])),
                    )
                  : text('import_settings_unchanged'),
                text('import_settings_sync_stays'),
              ])}
        </p>
      )}
      {settings && settings.rejected.length > 0 && (
        <ul class="ks-rejected" aria-label={t('import_settings_rejected')}>
          {settings.rejected.map((r) => (
            <li key={r.field}>{t('import_setting_rejected', settingWords(r.field), say(r.reason))}</li>
          ))}
        </ul>
      )}
      {report.keptAside !== undefined && report.keptAside > 0 && (
        <p>
          <strong>{t('import_kept_aside')}</strong> {t('import_kept_aside_added', report.keptAside)}
        </p>
      )}
      {sites && sites.rejected.length > 0 && (
        <ul class="ks-rejected" aria-label={t('import_sites_rejected')}>
          {sites.rejected.map((site) => (
            <li key={site}>{t('import_site_rejected', site)}</li>
          ))}
        </ul>
      )}
      {sites && sites.missing.length > 0 && <ReAddSites sites={sites.missing} data={data} onAdded={onSiteAdded} />}
    </div>
  );
}
