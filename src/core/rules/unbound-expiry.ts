import { finding } from '../finding';
import { keyIsBound } from '../ip-binding';
import { unboundExpiryApplies } from '../rotation';
import { orList, text } from '../text';
import type { Permission, Rule } from '../types';

const names = (permissions: readonly Permission[]) => orList(permissions.map((p) => text(`permission_${p}`)));

/**
 * The exchange's own clock on unbound keys, e.g. OKX deletes them after 14 idle days; or its word that it will remove
 * them with no period given (Binance), which is said as it is, without a made-up date.
 */
export const unboundExpiry: Rule = {
  id: 'exchange.unbound-expiry',
  evaluate: ({ snapshot, context, ips }) => {
    const bound = keyIsBound(snapshot, ips);
    const expiry = context.rules.unboundExpiry;
    if (expiry && unboundExpiryApplies(expiry, snapshot.permissions, bound)) {
      const clock = text(expiry.idle ? 'unbound_clock_idle' : 'unbound_clock_created', expiry.days);
      return finding({
        id: 'exchange.unbound-expiry',
        severity: 'info',
        step: 'ip',
        title: text('unbound_expiry_title', context.exchangeName, clock),
        why: expiry.permissions.length
          ? text(`unbound_expiry_why_${expiry.outcome}_with`, clock, names(expiry.permissions))
          : text(`unbound_expiry_why_${expiry.outcome}`, clock),
        fix: text('unbound_expiry_fix'),
      });
    }
    const deletion = context.rules.unboundDeletion;
    if (!deletion || !unboundExpiryApplies(deletion, snapshot.permissions, bound)) return undefined;
    const ticked = snapshot.permissions.filter((p) => deletion.permissions.includes(p));
    return finding({
      id: 'exchange.unbound-expiry',
      severity: 'info',
      step: 'ip',
      title: text('unbound_deletion_title', context.exchangeName),
      why: [
        ticked.length
          ? text(`unbound_deletion_why_${deletion.outcome}_with`, context.exchangeName, names(ticked))
          : text(`unbound_deletion_why_${deletion.outcome}`, context.exchangeName),
        text('unbound_deletion_no_date'),
      ],
      fix: text('unbound_deletion_fix'),
    });
  },
};
