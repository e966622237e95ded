import { finding } from '../finding';
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
          title: 'Say what this key is for',
          why: 'The right permissions depend on the purpose: a tracker needs far less than a bot.',
          fix: 'Pick a purpose in step 1.',
        }),
};
