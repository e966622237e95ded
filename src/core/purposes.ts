import { text, type Text } from './text';
import type { Permission, Purpose } from './types';

/** What a purpose needs, shown to the user and used by the scope rules. */
export interface PurposeInfo {
  label: Text;
  /** Permissions this purpose may need; anything else ticked is excess (withdraw is judged on its own). */
  allowed: readonly Permission[];
  /** One line that explains the minimum set to the user. */
  explains: Text;
}

/** The purposes in the order the picker offers them. */
export const PURPOSE_INFO: Record<Purpose, PurposeInfo> = {
  'read-only': {
    label: text('purpose_read_only'),
    allowed: ['read'],
    explains: text('purpose_read_only_explains'),
  },
  'trading-bot': {
    label: text('purpose_trading_bot'),
    allowed: ['read', 'trade', 'futures', 'margin', 'options'],
    explains: text('purpose_trading_bot_explains'),
  },
  withdrawals: {
    label: text('purpose_withdrawals'),
    allowed: ['read', 'withdraw'],
    explains: text('purpose_withdrawals_explains'),
  },
  'market-data': {
    label: text('purpose_market_data'),
    allowed: [],
    explains: text('purpose_market_data_explains'),
  },
  other: {
    label: text('purpose_other'),
    allowed: ['read', 'trade', 'transfer', 'futures', 'margin', 'options', 'other'],
    explains: text('purpose_other_explains'),
  },
};

/** Permissions that can move or risk funds: a key with any of them must be bound to IPs. */
export const FUND_MOVING: readonly Permission[] = ['trade', 'withdraw', 'transfer', 'futures', 'margin', 'options'];
