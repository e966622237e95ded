import { finding } from '../finding';
import { policyMessageOf } from '../policy';
import type { Rule } from '../types';

/** The organisation forbids keys that can move funds out, whatever the purpose or the IP binding. */
export const policyWithdraw: Rule = {
  id: 'policy.withdraw',
  evaluate: ({ snapshot, context: { policy } }) => {
    if (!policy?.forbidWithdraw || !snapshot.permissions.includes('withdraw')) return undefined;
    return finding({
      id: 'policy.withdraw',
      severity: 'critical',
      step: 'scope',
      title: 'Your organisation forbids Withdraw',
      why: 'Your organisation’s policy does not allow keys that can withdraw funds.',
      fix: 'Untick Withdraw.',
      ...policyMessageOf(policy),
    });
  },
};
