import { daysBetween, DEFAULT_ROTATION_DAYS, exchangeDeadlineDays, type CalendarDate } from './rotation';
import type { ExchangeRules, Permission } from './types';

/**
 * Why a key already listed on an exchange's API-management page is risky. Ids are stable (the `data-flags`
 * attribute of the inline flag carries them); add new ones freely, never rename.
 * - `withdraw`: the key can withdraw funds.
 * - `trade-unbound`: the key can trade (on OKX also move funds between accounts) and is bound to no IP.
 * - `old`: the key is older than the rotation interval: created + interval is before today.
 * - `unbound-deadline`: the exchange's own unbound-key rule applies (e.g. OKX deletes unbound Trade/Withdraw
 *   keys after 14 idle days).
 * Exported as the list of the contract's ids (`data-flags`); tests check each one.
 */
export const KEY_FLAGS = ['old', 'trade-unbound', 'unbound-deadline', 'withdraw'] as const;
export type KeyFlag = (typeof KEY_FLAGS)[number];

/**
 * One key listed on an exchange's API-management page, as read there (content/read/read-key-list.ts) and sent to be
 * tracked: metadata only, never the key or its secret.
 */
export interface ListedKey {
  name: string;
  /** Canonical, in `PERMISSIONS` order (types.ts). */
  permissions: Permission[];
  /** Bound to at least one IP address; false when the page says "not bound" or shows no address. */
  ipBound: boolean;
  /** The creation date, when the page shows one. */
  created?: CalendarDate;
}

/** The day and rules a listed key is judged with: passed in, never read from a clock. */
export interface KeyFlagContext {
  /** Today's local calendar date. */
  today: CalendarDate;
  /** The exchange's own rules (its unbound-key deadline). */
  rules: ExchangeRules;
  /** The user's rotation interval in days; 90 when not given. */
  rotationDays?: number;
}

/**
 * The flags of one listed key, in {@link KEY_FLAGS} order (alphabetical). A key without a shown creation date
 * is never `old`: its age is unknown.
 */
export function keyListFlags(
  key: Pick<ListedKey, 'permissions' | 'ipBound' | 'created'>,
  context: KeyFlagContext,
): KeyFlag[] {
  const interval = context.rotationDays ?? DEFAULT_ROTATION_DAYS;
  const raised: Record<KeyFlag, boolean> = {
    old: key.created !== undefined && daysBetween(key.created, context.today) > interval,
    'trade-unbound': key.permissions.includes('trade') && !key.ipBound,
    'unbound-deadline': exchangeDeadlineDays(context.rules, key.permissions, key.ipBound) !== undefined,
    withdraw: key.permissions.includes('withdraw'),
  };
  return KEY_FLAGS.filter((flag) => raised[flag]);
}
