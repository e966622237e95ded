import { text } from '../core/text';
import type { ExchangeAdapter, ExchangeSite } from './adapter';

/**
 * OKX: Profile → "API and connections" → "Create API key". Facts and sources: shared/EXCHANGES.md (OKX section).
 * The site is a single-page app; the path may carry a locale prefix (`/zh-hans/`, `/en-sg/`, `/zh-hans-au/`).
 */
export const okxSite: ExchangeSite = {
  id: 'okx',
  hosts: ['www.okx.com', 'my.okx.com', 'app.okx.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/account\/my-api(?:\/|$)/i,
};

export const okx: ExchangeAdapter = {
  ...okxSite,
  name: 'OKX',
  keyPageUrl: 'https://www.okx.com/account/my-api',
  officialDomains: ['okx.com'],
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
  // Labels of the key list and of the view after creation follow OKX's help texts (EXCHANGES.md: "After creation
  // the page shows API key, Secret key and passphrase prompt"); the list's exact wording is [unknown], so the
  // replicas in test/fixtures/okx use several variants.
  keyList: {
    name: ['Name', 'API name', 'Remark', 'Note', '备注名', '备注', 'API 名称'],
    permissions: ['Permissions', 'Permission', '权限'],
    ip: ['IP address allowlist', 'IP allowlist', 'IP whitelist', 'IP address', 'IP addresses', 'Bound IPs', 'Bound IP', 'Linked IP', 'IP 地址白名单', 'IP地址白名单', '绑定IP', '绑定 IP', 'IP 地址', 'IP地址'],
    notBound: ['Not bound', 'Not linked', 'Unbound', 'None', 'No IP', '未绑定', '未关联', '无', '-', '--'],
    created: ['Created', 'Created on', 'Created at', 'Creation time', 'Creation date', 'Date created', '创建时间', '创建日期'],
    keyValue: ['API key', 'APIKey', 'Access key', 'API 密钥'],
  },
  successView: {
    created: ['API key created', 'Created successfully', 'API Key 创建成功', '创建成功', '添加成功'],
    apiKey: ['API key', 'APIKey', 'API 密钥'],
    secretKey: ['Secret key', 'SecretKey', 'Secret', '密钥'],
  },
  rules: {
    maxIps: 20,
    unboundExpiry: { days: 14, idle: true, permissions: ['trade', 'withdraw'], outcome: 'deleted' },
    withdrawNeedsIp: false,
    permissionNotes: {
      trade: text('note_okx_trade'),
    },
  },
};
