import { finding } from '../finding';
import { text, type MessageId } from '../text';
import { STEPS, type CappedPart, type Rule, type Step } from '../types';

const SAYS: Record<CappedPart, [MessageId, Step]> = {
  'ip-entries': ['read_capped_ip_entries', 'ip'],
  'ip-entry': ['read_capped_ip_entry', 'ip'],
  'unknown-permissions': ['read_capped_unknown_permissions', 'scope'],
  'key-name': ['read_capped_key_name', 'rotation'],
};

/**
 * A page may show more than KeyScope reads (src/content/read/read-caps.ts): what it did not read, it cannot judge. The
 * finding says how much was read, asks the user to check the rest, and blocks "Ready to create".
 */
export const readCapped: Rule = {
  id: 'form.read-capped',
  evaluate: ({ snapshot }) => {
    const capped = snapshot.capped ?? [];
    if (capped.length === 0) return undefined;
    const steps = capped.map(({ part }) => SAYS[part][1]);
    return finding({
      id: 'form.read-capped',
      severity: 'high',
      step: STEPS.find((step) => steps.includes(step))!,
      title: text('read_capped_title'),
      why: capped.map(({ part, limit }) => text(SAYS[part][0], limit)),
      fix: text('read_capped_fix'),
    });
  },
};
