import { finding } from '../finding';
import { text } from '../text';
import type { Rule } from '../types';

/** A key with no end date lives until it leaks. */
export const noRotation: Rule = {
  id: 'rotation.none',
  evaluate: ({ context }) =>
    context.rotationDays === undefined
      ? finding({
          id: 'rotation.none',
          severity: 'medium',
          step: 'rotation',
          title: text('rotation_none_title'),
          why: text('rotation_none_why'),
          fix: text('rotation_none_fix'),
        })
      : undefined,
};
