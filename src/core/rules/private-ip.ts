import { finding } from '../finding';
import { entriesOfKind, listEntries } from '../ip-binding';
import { text } from '../text';
import type { Rule } from '../types';

/** The exchange sees your public address, never a LAN, loopback or reserved one. */
export const privateIp: Rule = {
  id: 'ip.private',
  evaluate: ({ ips }) => {
    const local = entriesOfKind(ips, 'private');
    if (local.length === 0) return undefined;
    return finding({
      id: 'ip.private',
      severity: 'medium',
      step: 'ip',
      title: text('ip_private_title', listEntries(local)),
      why: text('ip_private_why'),
      fix: text('ip_private_fix'),
    });
  },
};
