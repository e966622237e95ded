import { finding } from '../finding';
import { isBound } from '../ip-binding';
import { exchangeDeadlineDays } from '../rotation';
import type { Rule } from '../types';

/** A reminder that falls after the exchange has already removed the key is no reminder. */
export const rotationAfterDeadline: Rule = {
  id: 'rotation.after-deadline',
  evaluate: ({ snapshot, context, ips }) => {
    const deadline = exchangeDeadlineDays(context.rules, snapshot.permissions, isBound(ips));
    if (context.rotationDays === undefined || deadline === undefined || context.rotationDays <= deadline) return undefined;
    return finding({
      id: 'rotation.after-deadline',
      severity: 'low',
      step: 'rotation',
      title: `Reminder in ${context.rotationDays} days comes after ${context.exchangeName}'s ${deadline}-day limit`,
      why: 'The exchange may remove this unbound key before you are reminded.',
      fix: `Choose ${deadline} days or less, or bind IPs to the key.`,
    });
  },
};
