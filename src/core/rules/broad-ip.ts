import { finding } from '../finding';
import { entriesOfKind, listEntries } from '../ip-binding';
import { NARROWEST_BROAD_PREFIX } from '../ip-allowlist';
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
      title: `Range too wide: ${listEntries(broad)}`,
      why: `A range wider than /${NARROWEST_BROAD_PREFIX.ipv4} (IPv4) or /${NARROWEST_BROAD_PREFIX.ipv6} (IPv6) lets thousands of strangers' machines use the key.`,
      fix: 'List the exact addresses of your servers instead.',
    });
  },
};
