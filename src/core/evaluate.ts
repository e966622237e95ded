import { parseAllowList } from './ip-allowlist';
import { RULES } from './rules';
import { severityRank, worstRisk } from './severity';
import { STEPS, type EvaluationContext, type Finding, type KeyFormSnapshot, type Risk } from './types';

/** Runs every rule on one snapshot; the worst finding comes first, then the path order. */
export function evaluate(snapshot: KeyFormSnapshot, context: EvaluationContext): Finding[] {
  const input = { snapshot, context, ips: parseAllowList(snapshot.ipEntries) };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const result = rule.evaluate(input);
    if (result) findings.push(result);
  }
  return findings.sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || STEPS.indexOf(a.step) - STEPS.indexOf(b.step),
  );
}

/** The line at the top of the panel and the popup. */
export interface Verdict {
  ready: boolean;
  /** How many findings stand between the user and "Ready to create". */
  toFix: number;
  risk: Risk;
  /** The finding ids, sorted: the `data-findings` contract. */
  ids: string[];
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  const toFix = findings.filter((f) => f.blocking).length;
  return { ready: toFix === 0, toFix, risk: worstRisk(findings), ids: findings.map((f) => f.id).sort() };
}

/** "Ready to create" or "Stop: N things to fix". */
export function verdictText(verdict: Verdict): string {
  if (verdict.ready) return 'Ready to create';
  return `Stop: ${verdict.toFix} ${verdict.toFix === 1 ? 'thing' : 'things'} to fix`;
}
