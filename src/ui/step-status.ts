import type { MessageId } from '../core/text';
import type { Finding, Step } from '../core/types';

/** A step of the path: ok, needs attention, or stop. */
export type StepStatus = 'ok' | 'attention' | 'stop';

export function stepStatus(findings: readonly Finding[], step: Step): StepStatus {
  const mine = findings.filter((f) => f.step === step);
  if (mine.some((f) => f.severity === 'high' || f.severity === 'critical')) return 'stop';
  return mine.some((f) => f.blocking || f.severity !== 'info') ? 'attention' : 'ok';
}

export const STEP_STATUS_TEXT: Record<StepStatus, MessageId> = {
  ok: 'step_ok',
  attention: 'step_attention',
  stop: 'step_stop',
};
