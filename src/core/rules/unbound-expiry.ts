import { finding } from '../finding';
import { isBound } from '../ip-binding';
import { unboundExpiryApplies } from '../rotation';
import type { Rule } from '../types';

/**
 * The exchange's own clock on unbound keys, e.g. OKX deletes them after 14 idle days; or its word that it will remove
 * them with no period given (Binance), which is said as it is, without a made-up date.
 */
export const unboundExpiry: Rule = {
  id: 'exchange.unbound-expiry',
  evaluate: ({ snapshot, context, ips }) => {
    const bound = isBound(ips);
    const expiry = context.rules.unboundExpiry;
    if (expiry && unboundExpiryApplies(expiry, snapshot.permissions, bound)) {
      const clock = expiry.idle ? `after ${expiry.days} days without use` : `${expiry.days} days after creation`;
      return finding({
        id: 'exchange.unbound-expiry',
        severity: 'info',
        step: 'ip',
        title: `${context.exchangeName} will remove this key ${clock}`,
        why: `Keys without an IP binding${expiry.permissions.length ? ` and with ${expiry.permissions.join(' or ')}` : ''} are ${expiry.outcome} ${clock}.`,
        fix: 'Bind IPs to keep the key, or plan for it to stop working.',
      });
    }
    const deletion = context.rules.unboundDeletion;
    if (!deletion || !unboundExpiryApplies(deletion, snapshot.permissions, bound)) return undefined;
    const ticked = snapshot.permissions.filter((p) => deletion.permissions.includes(p));
    return finding({
      id: 'exchange.unbound-expiry',
      severity: 'info',
      step: 'ip',
      title: `${context.exchangeName} will remove this key`,
      why: `${context.exchangeName} says keys without an IP restriction${ticked.length ? ` and with ${ticked.join(' or ')}` : ''} will be ${deletion.outcome}. It gives no date, so the key may stop working at any time.`,
      fix: 'Bind IPs to keep the key.',
    });
  },
};
