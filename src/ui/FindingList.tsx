import type { Finding } from '../core/types';
import { say, t } from '../i18n';

/** Findings, each with its one line of why and one line of what to do. Page text arrives here as text nodes only. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul class="ks-findings">
      {findings.map((f) => (
        <li key={f.id} class={`ks-finding ks-sev-${f.severity}`} data-finding-id={f.id}>
          <span class="ks-sev-label">{t(`severity_${f.severity}`)}</span>
          <strong class="ks-finding-title">{say(f.title)}</strong>
          <p class="ks-why">{say(f.why)}</p>
          <p class="ks-fix">{say(f.fix)}</p>
        </li>
      ))}
    </ul>
  );
}
