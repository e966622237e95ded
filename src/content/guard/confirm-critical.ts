import type { Finding } from '../../core/types';

/** What the panel asks before the exchange's create button goes through: the critical findings at the click. */
export interface CriticalQuestion {
  findings: Finding[];
  /** The findings' sorted ids: once the user confirms these, the same ones are not asked about again. */
  key: string;
}

/**
 * Whether to hold the click back and ask: only when the user turned the setting on (off, or not known yet: never),
 * the form has a critical finding, and the user has not already confirmed these very findings.
 */
export function criticalQuestion(
  enabled: boolean | undefined,
  findings: readonly Finding[],
  confirmed: string | undefined,
): CriticalQuestion | undefined {
  if (!enabled) return undefined;
  const critical = findings.filter((f) => f.severity === 'critical');
  const key = critical
    .map((f) => f.id)
    .sort()
    .join(' ');
  return critical.length > 0 && key !== confirmed ? { findings: critical, key } : undefined;
}
