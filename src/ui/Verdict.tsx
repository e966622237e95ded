import { verdictText, type Verdict } from '../core/evaluate';
import { say } from '../i18n';

/** The line at the top: "Ready to create" or "Stop: N things to fix". */
export function VerdictLine({ verdict }: { verdict: Verdict }) {
  return (
    <p class={`ks-verdict ks-risk-${verdict.risk}`} data-ready={String(verdict.ready)}>
      <span class="ks-verdict-icon" aria-hidden="true">
        {verdict.ready ? '✓' : '!'}
      </span>
      {say(verdictText(verdict))}
    </p>
  );
}
