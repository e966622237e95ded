import { finding } from '../finding';
import { PURPOSE_INFO } from '../purposes';
import type { Rule } from '../types';

/** Permissions beyond what the stated purpose needs (Withdraw has its own rule). */
export const excessScope: Rule = {
  id: 'scope.excess',
  evaluate: ({ snapshot, context }) => {
    const purpose = context.purpose;
    if (!purpose || purpose === 'market-data') return undefined;
    const info = PURPOSE_INFO[purpose];
    const excess = snapshot.permissions.filter((p) => p !== 'withdraw' && !info.allowed.includes(p));
    if (excess.length === 0) return undefined;
    const notes = excess.map((p) => context.rules.permissionNotes?.[p]).filter(Boolean);
    return finding({
      id: 'scope.excess',
      severity: 'high',
      step: 'scope',
      title: `More permission than "${info.label}" needs: ${excess.join(', ')}`,
      why: [info.explains, ...notes].join(' '),
      fix: `Untick ${excess.join(', ')}.`,
    });
  },
};
