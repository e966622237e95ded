import { finding } from '../finding';
import { text } from '../text';
import type { Rule } from '../types';

/**
 * Unknown is not safe: when the IP field cannot be found, KeyScope cannot say the key is bound. A key the exchange
 * binds to a partner's servers has no IP field on purpose.
 */
export const ipFieldUnreadable: Rule = {
  id: 'form.ip-unreadable',
  evaluate: ({ snapshot }) =>
    snapshot.ipFieldFound || snapshot.partnerBinding
      ? undefined
      : finding({
          id: 'form.ip-unreadable',
          severity: 'medium',
          step: 'ip',
          title: text('ip_unreadable_title'),
          why: text('ip_unreadable_why'),
          fix: text('ip_unreadable_fix'),
        }),
};
