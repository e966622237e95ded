import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * MEXC: API Management (`/user/openapi`). Facts and sources: shared/EXCHANGES.md (MEXC). Spot and Contract each
 * have Account and Deal, read or write (API names SPOT_DEAL_WRITE, CONTRACT_ACCOUNT_READ, …); then Withdraw,
 * Transfer and Deposit.
 */
export const mexcSite: ExchangeSite = {
  id: 'mexc',
  hosts: ['www.mexc.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/user\/openapi(?:\/|$)/i,
};

export const mexc: ExchangeAdapter = {
  ...mexcSite,
  name: 'MEXC',
  keyPageUrl: 'https://www.mexc.com/user/openapi',
  officialDomains: ['mexc.com'],
  // Areas: a write anywhere in Spot counts as trade (Spot Account write included: KeyScope over-reports rather than
  // miss one), anywhere in Contract as futures. Deposit has no canonical equivalent: other. Chinese labels are not
  // quoted from the page.
  labels: {
    permissions: {
      read: ['Read', 'View', '读取', '查看'],
    },
    permissionAreas: {
      trade: ['Spot', '现货'],
      futures: ['Contract', 'Futures', '合约'],
      withdraw: ['Withdraw', 'Withdrawal', '提现', '提币'],
      transfer: ['Transfer', '划转'],
      other: ['Deposit', '充值'],
    },
    permissionSection: ['Permissions', 'API Permissions', '权限', 'API 权限'],
    ipField: ['IP address', 'Link IP Address', 'IP 地址', 'IP地址', '绑定 IP', '绑定IP'],
    keyName: ['Notes', 'Note', 'Remark', '备注'],
    submit: ['Create', 'Confirm', '创建', '确认'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  rules: {
    maxIps: 10,
    unboundExpiry: { days: 90, idle: false, permissions: [], outcome: 'expired' },
  },
};
