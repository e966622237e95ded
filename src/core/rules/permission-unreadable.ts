import { finding } from '../finding';
import { FUND_MOVING } from '../purposes';
import { text } from '../text';
import type { Rule } from '../types';

/** Unknown is not safe: a permission whose switch KeyScope could not read may be on, so the key is never "ready". */
export const permissionUnreadable: Rule = {
  id: 'form.permission-unreadable',
  evaluate: ({ snapshot }) => {
    const unread = snapshot.unreadPermissions ?? [];
    if (unread.length === 0) return undefined;
    return finding({
      id: 'form.permission-unreadable',
      severity: unread.some((p) => FUND_MOVING.includes(p)) ? 'high' : 'medium',
      step: 'scope',
      title: text(
        'permission_unreadable_title',
        unread.map((p) => text(`permission_${p}`)),
      ),
      why: text('permission_unreadable_why'),
      fix: text('permission_unreadable_fix'),
    });
  },
};
