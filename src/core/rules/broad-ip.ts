import { finding } from '../finding';
import { entriesOfKind, listEntries } from '../ip-binding';
import { NARROWEST_BROAD_PREFIX } from '../ip-allowlist';
import { text } from '../text';
import type { Rule } from '../types';

/** A range so wide that binding protects little. */
export const broadIp: Rule = {
  id: 'ip.broad',
  evaluate: ({ ips }) => {
    const broad = entriesOfKind(ips, 'broad');
    if (broad.length === 0) return undefined;
    return finding({
      id: 'ip.broad',
      severity: 'high',
      step: 'ip',
      title: text('ip_broad_title', listEntries(broad)),
      why: text('ip_broad_why', NARROWEST_BROAD_PREFIX.ipv4, NARROWEST_BROAD_PREFIX.ipv6),
      fix: text('ip_broad_fix'),
    });
  },
};
