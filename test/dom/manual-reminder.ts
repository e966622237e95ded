import type { Reminder } from '../../src/inventory/reminder';

// The popup's and the settings page's tests show the user's list: a key added by hand in August, due at the end of
// October. Each call gets its own id (`key-1`, `key-2`, …) unless the test gives one.

let serial = 0;

/** A valid active OKX reminder added by hand ("tax tool", created 2026-08-01, due 2026-10-30); `overrides` change it. */
export function manualReminder(overrides: Partial<Reminder> = {}): Reminder {
  serial++;
  return {
    id: `key-${serial}`,
    exchange: 'okx',
    name: 'tax tool',
    permissions: ['read'],
    ipBound: true,
    created: '2026-08-01',
    rotationDays: 90,
    due: '2026-10-30',
    state: 'active',
    source: 'manual',
    history: [{ kind: 'created', on: '2026-08-01' }],
    ...overrides,
  };
}
