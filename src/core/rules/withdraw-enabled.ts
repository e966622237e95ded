import { finding } from '../finding';
import { isTightlyBound } from '../ip-binding';
import { text } from '../text';
import type { Rule } from '../types';

/** Withdraw turns a leaked key into lost funds; only bound withdrawal automation may keep it. */
export const withdrawEnabled: Rule = {
  id: 'scope.withdraw',
  evaluate: ({ snapshot, context, ips }) => {
    if (!snapshot.permissions.includes('withdraw')) return undefined;
    const justified = context.purpose === 'withdrawals' && isTightlyBound(ips);
    const refusal = context.rules.withdrawNeedsIp ? [text('scope_withdraw_refused', context.exchangeName)] : [];
    return finding({
      id: 'scope.withdraw',
      severity: justified ? 'high' : 'critical',
      step: 'scope',
      title: text('scope_withdraw_title'),
      why: [text('scope_withdraw_why', context.exchangeName), ...refusal],
      fix: text(justified ? 'scope_withdraw_fix_justified' : 'scope_withdraw_fix'),
    });
  },
};
