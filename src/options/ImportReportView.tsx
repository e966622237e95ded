import type { ImportReport } from '../inventory/transfer';

/** What an import did: the counts, and each refused record with its position, name and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  if (report.error) {
    return (
      <div class="ks-report" aria-label="Import result">
        <p class="ks-error" role="alert">Nothing was imported. {report.error}</p>
      </div>
    );
  }
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
    </div>
  );
}
