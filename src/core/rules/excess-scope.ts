import { finding } from '../finding';
import { PURPOSE_INFO } from '../purposes';
import { text } from '../text';
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
    const notes = excess.flatMap((p) => context.rules.permissionNotes?.[p] ?? []);
    const names = excess.map((p) => text(`permission_${p}`));
    return finding({
      id: 'scope.excess',
      severity: 'high',
      step: 'scope',
      title: text('scope_excess_title', info.label, names),
      why: [info.explains, ...notes],
      fix: text('scope_excess_fix', names),
    });
  },
};
