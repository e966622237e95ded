import type { TabVerdict } from '../messages';
import { FindingList } from '../ui/FindingList';
import { VerdictLine } from '../ui/Verdict';
import { VerdictAnnouncement } from '../ui/VerdictAnnouncement';

/** The live verdict of the current tab, with the same `data-risk` and `data-findings` as the overlay. */
export function StatusBlock({ verdict }: { verdict: TabVerdict | null | undefined }) {
  if (verdict === undefined) return <p class="ks-muted">Reading this tab…</p>;
  if (verdict === null) {
    return <p class="ks-muted">This tab is not an exchange's API-key form. Open the key page (OKX: API and connections → Create API key) to see the live check.</p>;
  }
  return (
    <section class="ks-status" data-keyscope-status="" data-risk={verdict.risk} data-findings={verdict.ids.join(' ')} aria-label="This tab">
      <h2 class="ks-subtitle">{verdict.exchangeName}: the key being created</h2>
      <VerdictLine verdict={verdict} />
      <VerdictAnnouncement verdict={verdict} findings={verdict.findings} />
      <p class="ks-muted">
        Permissions: {verdict.permissions.join(', ') || 'none'} · IPs: {verdict.ipEntries.length || 'none'}
      </p>
      <FindingList findings={verdict.findings} />
    </section>
  );
}
