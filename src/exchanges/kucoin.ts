import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/** KuCoin: Account → API Management (`/account/api`). Facts and sources: shared/EXCHANGES.md (KuCoin). */
export const kucoinSite: ExchangeSite = {
  id: 'kucoin',
  hosts: ['www.kucoin.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/account\/api(?:\/|$)/i,
};

export const kucoin: ExchangeAdapter = {
  ...kucoinSite,
  name: 'KuCoin',
  keyPageUrl: 'https://www.kucoin.com/account/api',
  officialDomains: ['kucoin.com'],
  // "General" (on by default) reads; "Flex Transfer" (API name InnerTransfer) moves funds between the user's own
  // accounts. Chinese labels are not quoted from the page.
  labels: {
    permissions: {
      read: ['General', '通用'],
      trade: ['Spot', 'Spot Trading', '现货', '现货交易'],
      margin: ['Margin', 'Margin Trading', '杠杆', '杠杆交易'],
      futures: ['Futures', 'Futures Trading', '合约', '合约交易'],
      transfer: ['Flex Transfer', 'Flex Transfers', 'Flex Transfer (InnerTransfer)', 'InnerTransfer', '灵活划转', '内部划转'],
      withdraw: ['Withdrawal', 'Withdraw', '提现', '提币'],
    },
    permissionSection: ['API Permissions', 'Permissions', 'API 权限', '权限'],
    ipField: ['IP restriction', 'IP whitelist', 'IP address', 'IP 限制', 'IP限制', 'IP 白名单', 'IP白名单'],
    keyName: ['API Name', 'Name', 'Remark', 'API 名称', '名称', '备注'],
    submit: ['Next', 'Confirm', '下一步', '确认'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  // What KuCoin does with unbound keys is [unknown]; the expiry the user may choose (30–360 days or never) is theirs.
  rules: { maxIps: 20 },
};
