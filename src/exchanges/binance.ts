import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Binance: API Management (`/{locale}/my/settings/api-management`). Keys are Ed25519 (recommended), HMAC ("not
 * recommended") or RSA [official: developers.binance.com, API key types FAQ]. Since 2025 a key is created with a label
 * only ("Create API" → "System generated" / "Self-generated" → "Label API Key to proceed"); permissions and IPs are set
 * afterwards on the key's card in the list, with "Edit restrictions", then "Save" [3rd-party: Pixel Alpha guide, IBM
 * Digital Asset Haven docs, Gainium Feb 2026]. Older flows showed them in the creation form: both are read.
 */
export const binanceSite: ExchangeSite = {
  id: 'binance',
  hosts: ['www.binance.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/my\/settings\/api-management(?:\/|$)/i,
};

export const binance: ExchangeAdapter = {
  ...binanceSite,
  name: 'Binance',
  keyPageUrl: 'https://www.binance.com/en/my/settings/api-management',
  officialDomains: ['binance.com'],
  // English labels are the UI's as quoted by 3rd-party guides (freqtrade issue 13089, 2026-04; the guides above); the
  // Chinese ones follow Binance's Chinese API docs (万向划转, 欧式期权) and are not quoted from the page. "Enable Symbol
  // Whitelist" limits what the key may trade: a restriction, not a permission, so it is neutral.
  labels: {
    permissions: {
      read: ['Enable Reading', '允许读取', '启用读取'],
      trade: ['Enable Spot & Margin Trading', '允许现货及杠杆交易', '允许现货和杠杆交易'],
      margin: ['Enable Margin Loan, Repay & Transfer', '允许杠杆借币、还币和划转', '允许杠杆借贷、还款和划转'],
      futures: ['Enable Futures', '允许合约', '允许合约交易'],
      options: ['Enable European Options', '允许欧式期权', '允许欧式期权交易'],
      transfer: ['Permits Universal Transfer', '允许万向划转', '允许万能划转'],
      withdraw: ['Enable Withdrawals', '允许提现', '允许提币'],
    },
    permissionSection: ['API restrictions', 'API 限制', 'API限制'],
    ipField: ['IP address', 'IP addresses', 'IP 地址', 'IP地址'],
    keyName: ['API key label', 'Label', 'API 标签', '标签'],
    submit: ['Next', 'Save', 'Confirm', '下一步', '保存', '确认'],
    ipUnrestricted: ['Unrestricted (Less Secure)', 'Unrestricted', '无限制（有风险）', '无限制(有风险)', '无限制'],
    neutral: ['Enable Symbol Whitelist', '启用交易对白名单', '允许交易对白名单'],
    // "Edit restrictions" on the key's card [3rd-party guides above]; the Chinese wording is not quoted.
    editRestrictions: ['Edit restrictions', 'Edit Restrictions', '编辑限制', '编辑 API 限制'],
    keyTypes: {
      ed25519: ['Ed25519', 'Ed25519 (Recommended)'],
      hmac: ['HMAC', 'HMAC (Not recommended)'],
      rsa: ['RSA'],
    },
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  rules: {
    maxIps: 30,
    // "if the IP is unrestricted and any permission other than Reading is enabled, this API key will be deleted":
    // the UI names no period, so none is made up here.
    unboundDeletion: {
      permissions: ['trade', 'withdraw', 'transfer', 'futures', 'margin', 'options', 'other'],
      outcome: 'deleted',
    },
    withdrawNeedsIp: true,
    recommendedKeyType: 'ed25519',
    discouragedKeyTypes: ['hmac'],
  },
};
