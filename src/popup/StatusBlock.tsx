import { text } from '../core/text';
import { VERDICT_UNKNOWN, type TabState } from '../messages';
import { t } from '../i18n';
import { FindingList } from '../ui/FindingList';
import { VerdictLine } from '../ui/Verdict';
import { VerdictAnnouncement } from '../ui/VerdictAnnouncement';

/** The live verdict of the current tab, with the same `data-risk` and `data-findings` as the overlay. */
export function StatusBlock({ verdict }: { verdict: TabState | undefined }) {
  if (verdict === undefined) return <p class="ks-muted">{t('status_reading')}</p>;
  if (verdict === null) {
    return <p class="ks-muted">{t('status_not_key_page')}</p>;
  }
  if (verdict === VERDICT_UNKNOWN) {
    return (
      <section
        class="ks-status"
        data-keyscope-status=""
        data-risk={VERDICT_UNKNOWN}
        data-findings=""
        aria-label={t('status_this_tab')}
      >
        <p class="ks-verdict ks-verdict-unknown" role="status">
          {t('status_unknown')}
        </p>
      </section>
    );
  }
  return (
    <section
      class="ks-status"
      data-keyscope-status=""
      data-risk={verdict.risk}
      data-findings={verdict.ids.join(' ')}
      aria-label={t('status_this_tab')}
    >
      <h2 class="ks-subtitle">{t('status_title', verdict.exchangeName)}</h2>
      <VerdictLine verdict={verdict} />
      <VerdictAnnouncement verdict={verdict} findings={verdict.findings} />
      <p class="ks-muted">
        {t(
          'status_summary',
          verdict.permissions.length ? verdict.permissions.map((p) => text(`permission_${p}`)) : text('none'),
          verdict.ipEntries.length || text('none'),
        )}
      </p>
      <FindingList findings={verdict.findings} />
    </section>
  );
}
