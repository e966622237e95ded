import type { ExchangeAdapter } from './adapter';

/**
 * OKX: Profile → "API and connections" → "Create API key". Facts and sources: shared/EXCHANGES.md (OKX section).
 * The site is a single-page app; the path may carry a locale prefix (`/zh-hans/`, `/en-sg/`, `/zh-hans-au/`).
 */
export const okx: ExchangeAdapter = {
  id: 'okx',
  name: 'OKX',
  hosts: ['www.okx.com', 'my.okx.com', 'app.okx.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/account\/my-api(?:\/|$)/i,
  keyPageUrl: 'https://www.okx.com/account/my-api',
  labels: {
    permissions: {
      read: ['Read', 'Read only', '读取', '只读'],
      trade: ['Trade', '交易'],
      withdraw: ['Withdraw', 'Withdrawal', '提现', '提币'],
    },
    permissionSection: ['Permissions', 'Permission', '权限'],
    ipField: ['IP address allowlist', 'IP allowlist', 'IP whitelist', 'IP address whitelist', 'IP 地址白名单', 'IP地址白名单', '绑定IP'],
    keyName: ['API key name', 'API name', 'Name', 'Remark', '备注名', 'API 名称'],
    submit: ['Submit all', 'Confirm', 'Submit', 'Create', '确认', '提交', '全部提交'],
  },
  rules: {
    maxIps: 20,
    unboundExpiry: { days: 14, idle: true, permissions: ['trade', 'withdraw'], outcome: 'deleted' },
    withdrawNeedsIp: false,
    permissionNotes: {
      trade: 'On OKX, Trade also allows funding transfers between your accounts, not only orders.',
    },
  },
};
