import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Bitget: Account → API Management (`/account/newapi`). Facts and sources: shared/EXCHANGES.md (Bitget). The key is
 * Read-only or Read-write, then Spot, Futures Orders, Futures Holdings, Margin, Wallet transfer, Withdraw, P2P.
 */
export const bitgetSite: ExchangeSite = {
  id: 'bitget',
  hosts: ['www.bitget.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/account\/newapi(?:\/|$)/i,
};

export const bitget: ExchangeAdapter = {
  ...bitgetSite,
  name: 'Bitget',
  keyPageUrl: 'https://www.bitget.com/account/newapi',
  officialDomains: ['bitget.com'],
  // P2P has no canonical equivalent: other. Chinese labels are not quoted from the page.
  labels: {
    permissions: {
      trade: ['Spot', 'Spot trading', '现货', '现货交易'],
      futures: ['Futures Orders', 'Futures Holdings', '合约订单', '合约持仓'],
      margin: ['Margin', 'Margin trading', '杠杆', '杠杆交易'],
      transfer: ['Wallet transfer', '钱包划转'],
      withdraw: ['Withdraw', 'Withdrawal', '提现', '提币'],
      other: ['P2P'],
    },
    permissionSection: ['Permission settings', 'Permissions', '权限设置', '权限'],
    ipField: ['Link IP address', 'IP address', '绑定 IP 地址', '绑定IP地址', 'IP 地址', 'IP地址'],
    keyName: ['Notes', 'Note', '备注', '备注名'],
    submit: ['Next', 'Confirm', '下一步', '确认'],
    readOnlyMode: ['Read-only', 'Read only', '只读'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  // Max IPs (a guide pasted 30), unbound-key rules and withdraw rules are [unknown].
  rules: {},
  alwaysOn: ['read'],
};
