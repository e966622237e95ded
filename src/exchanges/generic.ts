import { UNKNOWN_KEY_LIST, type ExchangeAdapter } from './adapter';

/**
 * Any other site: the exchanges KeyScope does not know by name, guarded only where the user chose "Guard this page"
 * (each site's host permission asked at that moment). No hosts of its own, so the manifest lists none for it; every
 * path may hold the form. The labels are the words exchanges commonly use, in English and Chinese; since they also
 * appear on login forms, notification settings and articles, a form must show two permission controls and say
 * "API" (or 密钥) before it counts. The site's own rules (IP limits, expiry of unbound keys) are unknown: none are
 * claimed, and no key-list flags are shown.
 */
export const generic: ExchangeAdapter = {
  id: 'generic',
  name: 'Other site',
  hosts: [],
  keyPagePath: /^\//,
  keyPageUrl: '',
  officialDomains: [],
  labels: {
    permissions: {
      read: ['Read', 'Read only', 'Read-only', 'Readonly', 'Reading', 'Enable reading', 'View', 'View only', 'Query', '读取', '只读', '查询', '查看'],
      trade: [
        'Trade', 'Trading', 'Enable trading', 'Spot', 'Spot trading', 'Spot trade', 'Enable spot trading', 'Orders', 'Order', 'Place orders',
        '交易', '现货', '现货交易', '下单', '订单',
      ],
      withdraw: ['Withdraw', 'Withdrawal', 'Withdrawals', 'Enable withdrawal', 'Enable withdrawals', '提现', '提币', '提款'],
      transfer: ['Transfer', 'Transfers', 'Internal transfer', 'Universal transfer', 'Enable internal transfer', '划转', '转账', '内部转账'],
      futures: ['Futures', 'Futures trading', 'Enable futures', 'Derivatives', 'Contract', 'Contracts', 'Perpetual', '合约', '合约交易', '期货'],
      margin: ['Margin', 'Margin trading', 'Enable margin', 'Enable margin trading', '杠杆', '杠杆交易'],
      options: ['Options', 'Options trading', 'Enable options', '期权', '期权交易'],
    },
    permissionSection: [
      'Permissions', 'Permission', 'API permissions', 'Key permissions', 'API restrictions', 'Permission settings', 'Scopes',
      '权限', 'API 权限', 'API权限', '权限设置',
    ],
    ipField: [
      'IP whitelist', 'IP allowlist', 'IP address whitelist', 'IP address allowlist', 'IP restriction', 'IP access restriction',
      'Trusted IP', 'Whitelisted IP', 'Allowed IP', 'Bind IP', 'IP binding',
      'IP 白名单', 'IP白名单', 'IP 地址白名单', 'IP地址白名单', '绑定IP', '绑定 IP',
    ],
    keyName: [
      'API key name', 'API name', 'Key name', 'API key label', 'Label', 'Name', 'Note', 'Notes', 'Remark', 'Description', 'Nickname',
      '备注', '备注名', 'API 名称', 'API名称', '名称', '标签',
    ],
    submit: ['Create', 'Create key', 'Create API key', 'Submit', 'Confirm', 'Generate', 'Generate key', '创建', '确认', '确定', '提交'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: {
    created: ['API key created', 'API key created successfully', 'Key created', 'Created successfully', 'API Key 创建成功', '创建成功'],
    apiKey: ['API key', 'APIKey', 'Access key', 'API 密钥'],
    secretKey: ['Secret key', 'SecretKey', 'Secret', 'API secret', 'Private key', '密钥'],
  },
  rules: {},
  recognition: {
    minPermissionControls: 2,
    requiredContext: ['API', 'APIKey', '密钥'],
  },
};
