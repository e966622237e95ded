import { finding } from '../finding';
import { policyMessageOf } from '../policy';
import type { Rule } from '../types';

/** The organisation caps how long a key may live before it is rotated; no reminder at all breaks the cap too. */
export const policyRotation: Rule = {
  id: 'policy.rotation',
  evaluate: ({ context: { policy, rotationDays } }) => {
    const max = policy?.maxRotationDays;
    if (!policy || max === undefined || (rotationDays !== undefined && rotationDays <= max)) return undefined;
    return finding({
      id: 'policy.rotation',
      severity: 'high',
      step: 'rotation',
      title:
        rotationDays === undefined
          ? `Your organisation requires a rotation reminder within ${max} days`
          : `A ${rotationDays}-day reminder is longer than your organisation allows (${max} days)`,
      why: `Your organisation’s policy requires every key to be rotated or deleted within ${max} days.`,
      fix: `Choose a reminder of ${max} days or less.`,
      ...policyMessageOf(policy),
    });
  },
};
