import { useEffect, useRef, useState } from 'preact/hooks';
import { verdictText, type Verdict } from '../core/evaluate';
import type { Finding } from '../core/types';
import { gapAfter, say, t } from '../i18n';

/**
 * How long the verdict must hold still before it is announced: typing an IP address changes it at every keystroke.
 * Exported: tests advance their fake clock by it.
 */
export const ANNOUNCE_DELAY_MS = 500;

/** The finding to fix first (findings arrive worst first), when the key is not ready. */
export function worstFinding(verdict: Verdict, findings: readonly Finding[]): Finding | undefined {
  return verdict.ready ? undefined : findings.find((f) => f.blocking);
}

/**
 * A polite live region saying the verdict and the worst finding. It is rewritten only when the verdict or the worst
 * finding (by id) has changed and then held still for {@link ANNOUNCE_DELAY_MS}: keystrokes and re-renders that leave
 * them as they were never touch it (a finding's title may quote what is typed), so a screen reader is not interrupted
 * while the user types.
 */
export function VerdictAnnouncement({ verdict, findings }: { verdict: Verdict; findings: readonly Finding[] }) {
  const worst = worstFinding(verdict, findings);
  const verdictLine = t('sentence', say(verdictText(verdict)));
  const key = `${verdictLine}\n${worst?.id ?? ''}`;
  const message = useRef('');
  message.current = worst ? `${verdictLine}${gapAfter(verdictLine)}${t('sentence', say(worst.title))}` : verdictLine;
  const [said, setSaid] = useState({ key: '', message: '' });
  useEffect(() => {
    if (key === said.key) return undefined;
    const timer = setTimeout(() => setSaid({ key, message: message.current }), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, said.key]);
  return (
    <p class="ks-sr ks-announcement" role="status" aria-live="polite" aria-atomic="true">
      {said.message}
    </p>
  );
}
