import { finding } from '../finding';
import { isBound } from '../ip-binding';
import { unboundExpiryApplies } from '../rotation';
import type { Rule } from '../types';

/** The exchange's own clock on unbound keys, e.g. OKX deletes them after 14 idle days. */
export const unboundExpiry: Rule = {
  id: 'exchange.unbound-expiry',
  evaluate: ({ snapshot, context, ips }) => {
    const expiry = context.rules.unboundExpiry;
    if (!expiry || !unboundExpiryApplies(expiry, snapshot.permissions, isBound(ips))) return undefined;
    const clock = expiry.idle ? `after ${expiry.days} days without use` : `${expiry.days} days after creation`;
    return finding({
      id: 'exchange.unbound-expiry',
      severity: 'info',
      step: 'ip',
      title: `${context.exchangeName} will remove this key ${clock}`,
      why: `Keys without an IP binding${expiry.permissions.length ? ` and with ${expiry.permissions.join(' or ')}` : ''} are ${expiry.outcome} ${clock}.`,
      fix: 'Bind IPs to keep the key, or plan for it to stop working.',
    });
  },
};
