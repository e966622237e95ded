import { finding } from '../finding';
import { policyMessageOf } from '../policy';
import { text } from '../text';
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
          ? text('policy_rotation_title_none', max)
          : text('policy_rotation_title_longer', rotationDays, max),
      why: text('policy_rotation_why', max),
      fix: text('policy_rotation_fix', max),
      ...policyMessageOf(policy),
    });
  },
};
