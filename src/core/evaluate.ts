import { parseAllowList } from './ip-allowlist';
import { RULES } from './rules';
import { text, type Text } from './text';
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
export function verdictText(verdict: Verdict): Text {
  if (verdict.ready) return text('verdict_ready');
  return text(verdict.toFix === 1 ? 'verdict_stop_one' : 'verdict_stop_many', verdict.toFix);
}
