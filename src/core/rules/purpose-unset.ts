import { finding } from '../finding';
import { text } from '../text';
import type { Rule } from '../types';

/** Nothing can be judged before the user says what the key is for. */
export const purposeUnset: Rule = {
  id: 'purpose.unset',
  evaluate: ({ context }) =>
    context.purpose
      ? undefined
      : finding({
          id: 'purpose.unset',
          severity: 'info',
          blocking: true,
          step: 'purpose',
          title: text('purpose_unset_title'),
          why: text('purpose_unset_why'),
          fix: text('purpose_unset_fix'),
        }),
};
