import { finding } from '../finding';
import type { Rule } from '../types';

/** Unknown is not safe: when the IP field cannot be found, KeyScope cannot say the key is bound. */
export const ipFieldUnreadable: Rule = {
  id: 'form.ip-unreadable',
  evaluate: ({ snapshot }) =>
    snapshot.ipFieldFound
      ? undefined
      : finding({
          id: 'form.ip-unreadable',
          severity: 'medium',
          step: 'ip',
          title: 'KeyScope could not find the IP allow-list field',
          why: 'The page layout is not the one KeyScope knows, so it cannot tell whether this key is bound to IPs.',
          fix: 'Check the IP allow-list on the page yourself before creating the key.',
        }),
};
