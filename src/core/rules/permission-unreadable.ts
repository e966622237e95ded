import { finding } from '../finding';
import { FUND_MOVING } from '../purposes';
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
      title: `KeyScope could not tell whether ${unread.join(', ')} ${unread.length === 1 ? 'is' : 'are'} on`,
      why: 'The page shows these permissions in a way KeyScope cannot read, so it cannot say they are off.',
      fix: 'Look at these permissions on the page yourself and untick any the key does not need.',
    });
  },
};
