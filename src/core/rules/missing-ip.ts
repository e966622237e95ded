import { finding } from '../finding';
import { keyIsBound } from '../ip-binding';
import { FUND_MOVING } from '../purposes';
import { text } from '../text';
import type { Rule } from '../types';

/**
 * A key usable from anywhere: the 3Commas leak turned such trade keys into losses. A key the exchange binds to a
 * partner's servers (OKX "Binding third-party apps") is bound, with no IP list of the user's.
 */
export const missingIp: Rule = {
  id: 'ip.missing',
  evaluate: ({ snapshot, ips }) => {
    if (!snapshot.ipFieldFound || keyIsBound(snapshot, ips)) return undefined;
    const movesFunds = snapshot.permissions.some((p) => FUND_MOVING.includes(p));
    return finding({
      id: 'ip.missing',
      severity: movesFunds ? 'high' : 'medium',
      step: 'ip',
      title: text('ip_missing_title'),
      why: text(movesFunds ? 'ip_missing_why_funds' : 'ip_missing_why_read'),
      fix: text('ip_missing_fix'),
    });
  },
};
