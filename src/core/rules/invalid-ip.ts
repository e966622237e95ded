import { finding } from '../finding';
import { entriesOfKind, listEntries } from '../ip-binding';
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
      title: `Not an IP address: ${listEntries(bad)}`,
      why: 'Each entry must be an IPv4 or IPv6 address or CIDR range (like 203.0.113.7 or 2001:db8::/48), separated by commas or spaces.',
      fix: 'Correct or remove these entries.',
    });
  },
};
