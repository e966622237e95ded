import { finding } from '../finding';
import type { Rule } from '../types';

/** More entries than the exchange accepts: the form will refuse or cut the list. */
export const tooManyIps: Rule = {
  id: 'ip.too-many',
  evaluate: ({ context, ips }) => {
    const max = context.rules.maxIps;
    if (max === undefined || ips.length <= max) return undefined;
    return finding({
      id: 'ip.too-many',
      severity: 'medium',
      step: 'ip',
      title: `${ips.length} entries; ${context.exchangeName} accepts at most ${max}`,
      why: 'The exchange will refuse the list or keep only part of it.',
      fix: `Keep the ${max} addresses this key really runs from.`,
    });
  },
};
