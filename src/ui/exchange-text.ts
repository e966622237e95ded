import { exchangeDeadlineDays } from '../core/rotation';
import { adapterById } from '../exchanges';
import { t } from '../i18n';
import type { Reminder } from '../inventory/reminder';

/** The exchange's display name, or its id when KeyScope no longer knows it. */
export function exchangeName(id: string): string {
  return adapterById(id)?.name ?? id;
}

/** Where a key lives, for the user: a guarded site's host (its origin kept on the record), else the exchange's name. */
export function siteName(key: Pick<Reminder, 'exchange' | 'origin'>): string {
  return key.origin ? new URL(key.origin).host : exchangeName(key.exchange);
}

/** "OKX deletes this key after 14 days without use (no IP bound)", when the exchange's own clock runs for the key. */
export function unboundExpiryText(key: Pick<Reminder, 'exchange' | 'permissions' | 'ipBound'>): string | undefined {
  const adapter = adapterById(key.exchange);
  const expiry = adapter?.rules.unboundExpiry;
  if (!adapter || !expiry || exchangeDeadlineDays(adapter.rules, key.permissions, key.ipBound) === undefined)
    return undefined;
  return t(
    `key_expiry_${expiry.outcome}`,
    adapter.name,
    t(expiry.idle ? 'unbound_clock_idle' : 'unbound_clock_created', expiry.days),
  );
}
