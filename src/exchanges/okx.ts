import { text } from '../core/text';
import type { ExchangeAdapter, ExchangeSite } from './adapter';

/**
 * OKX: Profile → "API and connections" → "Create API key". Sources: OKX's API FAQ (okx.com/en-br/help/api-faq,
 * Jun 2026; okx.com/en-eu/help/api-faq-eea, Aug 2026; the Chinese copy okx.com/zh-hans-au/help/api-faq), OKX's V5 API
 * docs (okx.com/docs-v5/en/#overview-api-key-creation) and OKX's notice on third-party apps
 * (okx.com/id/help/third-party-app-ip-whitelist-launch). The site is a single-page app; the path may carry a locale
 * prefix (`/zh-hans/`, `/en-sg/`, `/zh-hans-au/`).
 */
export const okxSite: ExchangeSite = {
  id: 'okx',
  // www.okx.com; my.okx.com (EEA) and app.okx.com (US, Australia and other regional entities): OKX's API FAQ and
  // third-party site pickers. tr.okx.com: OKX TR, whose own API docs live at tr.okx.com/docs-v5 (official docs host;
  // the key page there is taken to follow the same path, as on the other regional sites).
  hosts: ['www.okx.com', 'my.okx.com', 'app.okx.com', 'tr.okx.com'],
  // "/account/my-api": OKX's API FAQ; the V5 docs link "my api page" to `/en-sg/account/my-api`. Demo trading uses the
  // same path with the query `?go-demo-trading=1` (third-party guides), which a path pattern never sees: same page.
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/account\/my-api(?:\/|$)/i,
};

export const okx: ExchangeAdapter = {
  ...okxSite,
  name: 'OKX',
  keyPageUrl: 'https://www.okx.com/account/my-api',
  officialDomains: ['okx.com'],
  labels: {
    permissions: {
      // Read, Trade, Withdraw: OKX's V5 docs (API names read_only, trade, withdraw) and API FAQ. Chinese: 读取, 交易,
      // 提现 (zh-hans API FAQ), 提币 (elsewhere in the Chinese docs); "Read only" and 只读 are kept from before.
      read: ['Read', 'Read only', '读取', '只读'],
      trade: ['Trade', '交易'],
      withdraw: ['Withdraw', 'Withdrawal', '提现', '提币'],
    },
    // "Permissions" (权限): the form fields of OKX's API FAQ.
    permissionSection: ['Permissions', 'Permission', '权限'],
    // "IP address allowlist" (IP 地址白名单): OKX's API FAQ, Jun 2026. "Link IP Address (Optional)": the older V5-era
    // web form (3rd-party: TSLab's OKX guide); "(Optional)" is dropped in matching. The others are kept from before.
    ipField: [
      'IP address allowlist',
      'IP allowlist',
      'IP whitelist',
      'IP address whitelist',
      'Link IP Address',
      'IP 地址白名单',
      'IP地址白名单',
      '绑定IP',
    ],
    // "API key name" (备注名): OKX's API FAQ. "Label": the older V5-era web form (TSLab's OKX guide).
    keyName: ['API key name', 'API name', 'Name', 'Remark', 'Label', '备注名', 'API 名称'],
    // "Submit all": a 2025 guide (dv-net docs); "Confirm": OKX's FAQ and the older form (TSLab's OKX guide).
    submit: ['Submit all', 'Confirm', 'Submit', 'Create', '确认', '提交', '全部提交'],
    // "Used for" offers "API trading" and "Binding third-party apps": with the latter the user picks the broker from a
    // dropdown and the key "is only accessible from that broker's whitelisted IPs", with no IP field to fill (OKX,
    // okx.com/id/help/third-party-app-ip-whitelist-launch). "Linking third-party apps": third-party guides' wording.
    // "Connect to third-party apps" and the Chinese 关联第三方应用 / 绑定第三方应用 are NOT quoted from any page: earlier
    // replicas' wording and a translation, kept so that those wordings, if OKX uses them, are not read as a key
    // without an IP field.
    partnerBinding: [
      'Binding third-party apps',
      'Linking third-party apps',
      'Connect to third-party apps',
      '绑定第三方应用',
      '关联第三方应用',
    ],
    // The label of the broker dropdown is NOT quoted in any source seen (OKX's notice only says the user selects the
    // broker): these are guesses. Unmatched, the partner is simply not named; the binding is still read.
    partnerField: [
      'Third-party app',
      'Select third-party app',
      'Third-party application',
      'Broker',
      'Select broker',
      '第三方应用',
      '选择第三方应用',
    ],
  },
  // Labels of the key list and of the view after creation follow OKX's help texts (the list shows "the API key name,
  // permissions, and linked IP whitelist", OKX's API FAQ; guides disagree on whether key and secret are shown at once);
  // the list's exact wording and the success heading are [unknown], so the replicas in test/fixtures/okx use several
  // variants.
  keyList: {
    name: ['Name', 'API name', 'Remark', 'Note', '备注名', '备注', 'API 名称'],
    permissions: ['Permissions', 'Permission', '权限'],
    ip: [
      'IP address allowlist',
      'IP allowlist',
      'IP whitelist',
      'IP address',
      'IP addresses',
      'Bound IPs',
      'Bound IP',
      'Linked IP',
      'IP 地址白名单',
      'IP地址白名单',
      '绑定IP',
      '绑定 IP',
      'IP 地址',
      'IP地址',
    ],
    notBound: ['Not bound', 'Not linked', 'Unbound', 'None', 'No IP', '未绑定', '未关联', '无', '-', '--'],
    created: [
      'Created',
      'Created on',
      'Created at',
      'Creation time',
      'Creation date',
      'Date created',
      '创建时间',
      '创建日期',
    ],
    keyValue: ['API key', 'APIKey', 'Access key', 'API 密钥'],
  },
  successView: {
    created: ['API key created', 'Created successfully', 'API Key 创建成功', '创建成功', '添加成功'],
    apiKey: ['API key', 'APIKey', 'API 密钥'],
    secretKey: ['Secret key', 'SecretKey', 'Secret', '密钥'],
  },
  rules: {
    // "Each API key can bind up to 20 IP addresses": OKX's V5 docs and API FAQ.
    maxIps: 20,
    // "API keys that are not linked to an IP address and have trade or withdraw permissions will expire after 14 days
    // of inactivity"; the Chinese docs say deleted (自动删除): OKX's V5 docs (api-key-security) and API FAQ.
    unboundExpiry: { days: 14, idle: true, permissions: ['trade', 'withdraw'], outcome: 'deleted' },
    // IP binding is optional for every permission, Withdraw included: OKX's V5 docs and API FAQ.
    withdrawNeedsIp: false,
    permissionNotes: {
      // Trade also moves funds between accounts ("funding transfers"): OKX's V5 docs, API key creation.
      trade: text('note_okx_trade'),
    },
  },
};
