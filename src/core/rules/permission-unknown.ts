import { finding } from '../finding';
import { text } from '../text';
import type { Rule } from '../types';

/**
 * Unknown is never absent: a control in the permission area that KeyScope cannot name, switched on, may allow
 * anything, withdrawals included. The finding names it as the page does and blocks "Ready to create".
 */
export const permissionUnknown: Rule = {
  id: 'form.permission-unknown',
  evaluate: ({ snapshot }) => {
    const unknown = snapshot.unknownPermissions ?? [];
    if (unknown.length === 0) return undefined;
    const names = unknown.map((label) => (label ? text('quoted', label) : text('permission_unknown_unnamed')));
    return finding({
      id: 'form.permission-unknown',
      severity: 'high',
      step: 'scope',
      title: text(unknown.length === 1 ? 'permission_unknown_title_one' : 'permission_unknown_title_many', names),
      why: text('permission_unknown_why'),
      fix: text('permission_unknown_fix'),
    });
  },
};
