import { finding } from '../finding';
import { entriesOfKind, listEntries } from '../ip-binding';
import { text } from '../text';
import type { Rule } from '../types';

/** Entries the exchange will reject or misread. */
export const invalidIp: Rule = {
  id: 'ip.invalid',
  evaluate: ({ ips }) => {
    const bad = entriesOfKind(ips, 'invalid');
    if (bad.length === 0) return undefined;
    return finding({
      id: 'ip.invalid',
      severity: 'high',
      step: 'ip',
      title: text('ip_invalid_title', listEntries(bad)),
      why: text('ip_invalid_why'),
      fix: text('ip_invalid_fix'),
    });
  },
};
