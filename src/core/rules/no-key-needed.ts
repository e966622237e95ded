import { finding } from '../finding';
import { text } from '../text';
import type { Rule } from '../types';

/** Public market data needs no key: the safest key is the one never created. */
export const noKeyNeeded: Rule = {
  id: 'purpose.no-key-needed',
  evaluate: ({ context }) =>
    context.purpose === 'market-data'
      ? finding({
          id: 'purpose.no-key-needed',
          severity: 'medium',
          step: 'purpose',
          title: text('no_key_needed_title'),
          why: text('no_key_needed_why', context.exchangeName),
          fix: text('no_key_needed_fix'),
        })
      : undefined,
};
