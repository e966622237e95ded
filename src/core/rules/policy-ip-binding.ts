import { finding } from '../finding';
import { policyMessageOf } from '../policy';
import { text } from '../text';
import type { Rule } from '../types';

/**
 * The organisation requires every key to be bound: at least one public address, and no "match all" or over-wide
 * range beside it (such an entry unbinds the key whatever else is listed).
 */
export const policyIpBinding: Rule = {
  id: 'policy.ip-binding',
  evaluate: ({ context: { policy }, ips }) => {
    if (!policy?.requireIpBinding) return undefined;
    if (ips.some((entry) => entry.kind === 'public') && !ips.some((entry) => entry.kind === 'broad')) return undefined;
    return finding({
      id: 'policy.ip-binding',
      severity: 'high',
      step: 'ip',
      title: text('policy_ip_binding_title'),
      why: text('policy_ip_binding_why'),
      fix: text('policy_ip_binding_fix'),
      ...policyMessageOf(policy),
    });
  },
};
