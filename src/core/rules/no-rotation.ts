import { finding } from '../finding';
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
          title: 'No rotation reminder',
          why: 'Keys that are never rotated or deleted pile up; an old forgotten key is the one that leaks.',
          fix: 'Choose when KeyScope reminds you to rotate or delete this key (90 days is common).',
        })
      : undefined,
};
