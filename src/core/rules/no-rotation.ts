import { finding } from '../finding';
import { text } from '../text';
import type { Rule } from '../types';

/**
 * A key with no end date lives until it leaks. An expiry chosen on the exchange's own form (Kraken Pro, KuCoin) is a
 * plan: the exchange ends the key itself.
 */
export const noRotation: Rule = {
  id: 'rotation.none',
  evaluate: ({ snapshot, context }) =>
    context.rotationDays === undefined && snapshot.keyExpiryDays === undefined
      ? finding({
          id: 'rotation.none',
          severity: 'medium',
          step: 'rotation',
          title: text('rotation_none_title'),
          why: text('rotation_none_why'),
          fix: context.rules.offersKeyExpiry
            ? text('rotation_none_fix_expiry', context.exchangeName)
            : text('rotation_none_fix'),
        })
      : undefined,
};
