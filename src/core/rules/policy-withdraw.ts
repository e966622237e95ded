import { finding } from '../finding';
import { policyMessageOf } from '../policy';
import { text } from '../text';
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
      title: text('policy_withdraw_title'),
      why: text('policy_withdraw_why'),
      fix: text('policy_withdraw_fix'),
      ...policyMessageOf(policy),
    });
  },
};
