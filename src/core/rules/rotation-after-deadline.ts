import { finding } from '../finding';
import { keyIsBound } from '../ip-binding';
import { exchangeDeadlineDays } from '../rotation';
import { text } from '../text';
import type { Rule } from '../types';

/** A reminder that falls after the exchange has already removed the key is no reminder. */
export const rotationAfterDeadline: Rule = {
  id: 'rotation.after-deadline',
  evaluate: ({ snapshot, context, ips }) => {
    const deadline = exchangeDeadlineDays(context.rules, snapshot.permissions, keyIsBound(snapshot, ips));
    if (context.rotationDays === undefined || deadline === undefined || context.rotationDays <= deadline)
      return undefined;
    return finding({
      id: 'rotation.after-deadline',
      severity: 'low',
      step: 'rotation',
      title: text('rotation_after_deadline_title', context.rotationDays, context.exchangeName, deadline),
      why: text('rotation_after_deadline_why'),
      fix: text('rotation_after_deadline_fix', deadline),
    });
  },
};
