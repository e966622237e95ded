import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Gate: API Key management (`/myaccount/profile/api-key/manage`, formerly `/myaccount/apikeys`). Facts and sources:
 * shared/EXCHANGES.md (Gate). Each area (Spot, Account, Perpetual Futures, …) is set to "Read Only" or "Read and
 * Write".
 */
export const gateSite: ExchangeSite = {
  id: 'gate',
  hosts: ['www.gate.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/myaccount\/(?:profile\/api-key\/manage|apikeys)(?:\/|$)/i,
};

export const gate: ExchangeAdapter = {
  ...gateSite,
  name: 'Gate',
  keyPageUrl: 'https://www.gate.com/myaccount/profile/api-key/manage',
  // gate.io, the older name and address of the exchange, is still its own.
  officialDomains: ['gate.com', 'gate.io'],
  // "Read and Write" in an area grants the area's permission. Wallet writes are transfers between the user's own
  // accounts; Unified and Loan writes borrow and repay, so margin; Account and Earn have no canonical equivalent.
  // Chinese labels are not quoted from the page.
  labels: {
    permissions: {
      read: ['Read Only', 'Read-only', '只读'],
    },
    permissionAreas: {
      trade: ['Spot', 'Spot/Margin', '现货', '现货/杠杆'],
      futures: ['Perpetual Futures', 'Delivery', '永续合约', '交割合约'],
      transfer: ['Wallet', '钱包'],
      withdraw: ['Withdraw', 'Withdrawal', '提现'],
      options: ['Options', '期权'],
      margin: ['Unified', 'Unified Account', 'Loan', '统一账户', '借贷'],
      other: ['Account', 'Earn', '账户', '理财'],
    },
    permissionSection: ['Permissions', 'API Permissions', '权限', 'API 权限'],
    ipField: ['IP Permissions', 'IP whitelist', 'IP address', 'IP 权限', 'IP白名单', 'IP 白名单'],
    keyName: ['Remark', 'API Key Remark', 'Name', '备注', '备注名'],
    submit: ['Submit', 'Confirm', '提交', '确认'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  // Max IPs, unbound-key rules and withdraw rules are [unknown].
  rules: {},
};
