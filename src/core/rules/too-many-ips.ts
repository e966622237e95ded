import { finding } from '../finding';
import { text } from '../text';
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
      title: text('ip_too_many_title', ips.length, context.exchangeName, max),
      why: text('ip_too_many_why'),
      fix: text('ip_too_many_fix', max),
    });
  },
};
