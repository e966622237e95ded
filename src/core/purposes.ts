import type { Permission, Purpose } from './types';

/** What a purpose needs, shown to the user and used by the scope rules. */
export interface PurposeInfo {
  label: string;
  /** Permissions this purpose may need; anything else ticked is excess (withdraw is judged on its own). */
  allowed: readonly Permission[];
  /** One line that explains the minimum set to the user. */
  explains: string;
}

/** The purposes in the order the picker offers them. */
export const PURPOSE_INFO: Record<Purpose, PurposeInfo> = {
  'read-only': {
    label: 'Read-only tracking (portfolio, tax)',
    allowed: ['read'],
    explains: 'Trackers and tax tools only read balances and history: Read is all they need.',
  },
  'trading-bot': {
    label: 'Trading bot',
    allowed: ['read', 'trade', 'futures', 'margin', 'options'],
    explains: 'A bot needs Read and Trade (plus futures, margin or options only if it trades them); never Withdraw or transfers.',
  },
  withdrawals: {
    label: 'Withdrawal automation',
    allowed: ['read', 'withdraw'],
    explains: 'Only automated payouts need Withdraw, and then only with the key bound to your server\'s IPs.',
  },
  'market-data': {
    label: 'Market data only',
    allowed: [],
    explains: 'Prices, order books and candles are public: they need no API key at all.',
  },
  other: {
    label: 'Something else',
    allowed: ['read', 'trade', 'transfer', 'futures', 'margin', 'options', 'other'],
    explains: 'Tick only what the tool\'s documentation says it needs; Withdraw is flagged whatever the purpose.',
  },
};

/** Permissions that can move or risk funds: a key with any of them must be bound to IPs. */
export const FUND_MOVING: readonly Permission[] = ['trade', 'withdraw', 'transfer', 'futures', 'margin', 'options'];
