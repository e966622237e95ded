import { finding } from '../finding';
import { entriesOfKind, listEntries } from '../ip-binding';
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
      title: `Private or reserved address: ${listEntries(local)}`,
      why: 'The exchange sees the public IP of your server or router, so these entries never match and the key will not work from there.',
      fix: 'Use the public IP (the one "what is my IP" shows on that server).',
    });
  },
};
