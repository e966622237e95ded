import { finding } from '../finding';
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
          title: 'Market data needs no API key',
          why: `Prices, order books and trades are public on ${context.exchangeName}'s API without any key.`,
          fix: 'Do not create this key; use the public endpoints.',
        })
      : undefined,
};
