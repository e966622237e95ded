import { say, t } from '../i18n';
import type { ImportReport } from '../inventory/transfer';

/** What an import did: the counts, and each refused record with its position, name and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  if (report.error) {
    return (
      <div class="ks-report" aria-label={t('import_result')}>
        <p class="ks-error" role="alert">{t('import_nothing', say(report.error))}</p>
      </div>
    );
  }
  return (
    <div class="ks-report" aria-label={t('import_result')} role="status">
      <p>
        <strong>{t('import_imported')}</strong>{' '}
        {t(report.rejected.length > 0 ? 'import_counts_rejected' : 'import_counts', report.added, report.updated, report.unchanged, report.rejected.length)}
      </p>
      {report.rejected.length > 0 && (
        <ul class="ks-rejected">
          {report.rejected.map((r) => (
            <li key={r.index}>
              {r.name !== undefined ? t('import_rejected_named', r.index + 1, r.name, say(r.reason)) : t('import_rejected', r.index + 1, say(r.reason))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
