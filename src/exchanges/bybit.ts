import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Bybit: API management. Facts and sources: shared/EXCHANGES.md (Bybit). The key is Read-Only or Read-Write; a
 * Read-Write key gets permission groups (Contract: Orders, Positions; Spot: Trade; Wallet: Account Transfer,
 * Subaccount Transfer; Options; Exchange; Copy Trading; Withdrawal). Every key can read.
 */
export const bybitSite: ExchangeSite = {
  id: 'bybit',
  hosts: ['www.bybit.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/app\/user\/api-management(?:\/|$)/i,
};

export const bybit: ExchangeAdapter = {
  ...bybitSite,
  name: 'Bybit',
  keyPageUrl: 'https://www.bybit.com/app/user/api-management',
  officialDomains: ['bybit.com'],
  // Groups are areas: any box ticked in "Spot" is trade, in "Options" options, and so on. "Exchange" (coin
  // conversion) and "Copy Trading" place trades, so they count as trade. Chinese labels are not quoted from the page.
  labels: {
    permissions: {
      futures: ['Orders', 'Positions', '订单', '持仓'],
      transfer: ['Account Transfer', 'Subaccount Transfer', '账户划转', '子账户划转'],
    },
    permissionAreas: {
      futures: ['Contract', 'Contracts', '合约'],
      trade: ['Spot', 'SPOT', '现货', 'Exchange', '兑换', 'Copy Trading', '跟单交易'],
      transfer: ['Wallet', '钱包'],
      options: ['Options', '期权'],
      withdraw: ['Withdrawal', '提现', '提币'],
    },
    permissionSection: ['API Key Permissions', 'Permissions', 'API 权限', '权限'],
    ipField: ['IP address', 'IP addresses', 'IP 地址', 'IP地址'],
    keyName: ['Name', 'API key name', 'Remark', 'Notes', '名称', '备注'],
    submit: ['Submit', 'Confirm', '提交', '确认'],
    readOnlyMode: ['Read-Only', 'Read Only', '只读'],
    ipUnrestricted: ['No IP restriction', '不限制 IP', '不限制IP', '无 IP 限制', '无IP限制'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  rules: {
    // "No ip bound api key will be invalid after 90 days" (also 7 days after a password change, not modelled).
    unboundExpiry: { days: 90, idle: false, permissions: [], outcome: 'expired' },
  },
  alwaysOn: ['read'],
};
