import { SEVERITIES, type Finding, type Risk, type Severity } from './types';

/** Rank of a severity: higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The worst severity among the findings, or `none`. */
export function worstRisk(findings: readonly Finding[]): Risk {
  let worst: Risk = 'none';
  for (const finding of findings) {
    if (worst === 'none' || severityRank(finding.severity) > severityRank(worst)) worst = finding.severity;
  }
  return worst;
}
