import { finding } from '../finding';
import { isBound } from '../ip-binding';
import { FUND_MOVING } from '../purposes';
import type { Rule } from '../types';

/** A key usable from anywhere: the 3Commas leak turned such trade keys into losses. */
export const missingIp: Rule = {
  id: 'ip.missing',
  evaluate: ({ snapshot, ips }) => {
    if (!snapshot.ipFieldFound || isBound(ips)) return undefined;
    const movesFunds = snapshot.permissions.some((p) => FUND_MOVING.includes(p));
    return finding({
      id: 'ip.missing',
      severity: movesFunds ? 'high' : 'medium',
      step: 'ip',
      title: 'No IP address bound',
      why: movesFunds
        ? 'A leaked key that can trade or move funds works from anywhere in the world.'
        : 'A leaked read-only key still exposes your balances and history to anyone.',
      fix: 'Enter the public IP addresses of the server or service that will use this key.',
    });
  },
};
