import { finding } from '../finding';
import { isTightlyBound } from '../ip-binding';
import type { Rule } from '../types';

/** Withdraw turns a leaked key into lost funds; only bound withdrawal automation may keep it. */
export const withdrawEnabled: Rule = {
  id: 'scope.withdraw',
  evaluate: ({ snapshot, context, ips }) => {
    if (!snapshot.permissions.includes('withdraw')) return undefined;
    const justified = context.purpose === 'withdrawals' && isTightlyBound(ips);
    const refusal = context.rules.withdrawNeedsIp ? ` ${context.exchangeName} refuses Withdraw without an IP restriction.` : '';
    return finding({
      id: 'scope.withdraw',
      severity: justified ? 'high' : 'critical',
      step: 'scope',
      title: 'Withdraw is enabled',
      why: `Anyone holding this key can send your funds out of ${context.exchangeName}.${refusal}`,
      fix: justified
        ? 'Keep the IP list to your payout servers and whitelist withdrawal addresses on the exchange.'
        : 'Untick Withdraw unless this key automates withdrawals from IP-bound servers.',
    });
  },
};
