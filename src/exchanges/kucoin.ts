import type { ExchangeAdapter, ExchangeSite } from './adapter';

/**
 * KuCoin: Account → API Management (`/account/api`) → "Create API". Sources: screenshots of the real pages, 2023
 * (hummingbot-site docs/exchanges/kucoin: the create page with both tabs, "API Created!", the key list); KuCoin's
 * help article "How to Create API" (kucoin.com/support/360015102174); KuCoin's API docs (sub-account API key
 * creation: passphrase 7–32 characters, up to 20 IPs, expiry never/30/90/180/360 days; permission names General,
 * Spot, Margin, Futures, InnerTransfer "Flex Transfer").
 */
export const kucoinSite: ExchangeSite = {
  id: 'kucoin',
  hosts: ['www.kucoin.com'],
  // The create page's own path is not in any source seen (its breadcrumb is "API Management > Create API"): the
  // pattern takes every path under /account/api.
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/account\/api(?:\/|$)/i,
};

export const kucoin: ExchangeAdapter = {
  ...kucoinSite,
  name: 'KuCoin',
  keyPageUrl: 'https://www.kucoin.com/account/api',
  officialDomains: ['kucoin.com'],
  labels: {
    permissions: {
      // "General" (ticked and disabled: "Limited to read-only operations…"): create page, screenshot 2023.
      read: ['General', '通用'],
      // "Spot Trading", "Margin Trading", "Futures Trading": create page, screenshot 2023; the short forms "Spot",
      // "Margin", "Futures" are the API docs' permission names. Chinese labels are not quoted from any page.
      trade: ['Spot', 'Spot Trading', '现货', '现货交易'],
      margin: ['Margin', 'Margin Trading', '杠杆', '杠杆交易'],
      futures: ['Futures', 'Futures Trading', '合约', '合约交易'],
      // "Flex Transfer" (API name InnerTransfer) moves funds between the user's own accounts: KuCoin's API docs.
      transfer: [
        'Flex Transfer',
        'Flex Transfers',
        'Flex Transfer (InnerTransfer)',
        'InnerTransfer',
        '灵活划转',
        '内部划转',
      ],
      // "Transfer (Not Recommended)": create page, screenshot 2023 (hummingbot-site docs/exchanges/kucoin), the tag
      // "(Not Recommended)" in an element of its own beside "Transfer"; its description begins "This permission allows
      // you to withdraw assets". KuCoin's "API key upgrade" guide says the same of "Transfer": "Allows a key to transfer
      // funds (including deposit and withdrawal)". So on KuCoin a bare "Transfer" box is withdraw, never transfer.
      // "Withdrawal" / "Withdraw": KuCoin's API docs and later guides.
      withdraw: ['Transfer (Not Recommended)', 'Transfer', 'Withdrawal', 'Withdraw', '提现', '提币'],
    },
    // "API Permissions" (with a "*" before it): create page, screenshot 2023.
    permissionSection: ['API Permissions', 'Permissions', 'API 权限', '权限'],
    // "IP Restriction": create page and success view, screenshots 2023 (hummingbot-site docs/exchanges/kucoin). The
    // IP field shown with "Yes" is not in the screenshots; the other labels are guesses kept from before.
    ipField: ['IP restriction', 'IP whitelist', 'IP address', 'IP 限制', 'IP限制', 'IP 白名单', 'IP白名单'],
    // "API Name": create page, screenshot 2023.
    keyName: ['API Name', 'Name', 'Remark', 'API 名称', '名称', '备注'],
    submit: ['Next', 'Confirm', '下一步', '确认'],
    // "IP Restriction": "Yes" / "No" on the create page (screenshots 2023, hummingbot-site); "No" leaves the key
    // unbound. Matched exactly, and only as a control that is on: a "No" elsewhere in the form (none is known) would
    // be taken for it, which can only add an "unbound" warning, never hide one.
    ipUnrestricted: ['No'],
    // Tabs "API-Based Trading" / "Link Third-Party Applications": create page, screenshots 2023. With the latter the
    // user picks the app in "Name of Third-Party App" (screenshot: "hummingbot"); "there is no need to link an IP
    // address. During transactions, the platform will use the configured third-party IP addresses", and
    // "withdrawals are not supported" (KuCoin, "How to Create API"). "Link Third-Party Application" and "Name of
    // Third-Party Application": the same help article's wording, in case the page follows it.
    partnerBinding: ['Link Third-Party Applications', 'Link Third-Party Application'],
    partnerField: ['Name of Third-Party App', 'Name of Third-Party Application'],
    // The expiry field is not in the 2023 screenshots; "API expiration time" is KuCoin's API docs' name for the same
    // choice (sub-account key creation, never/30/90/180/360 days). The web page's own wording is [unknown].
    keyExpiry: ['API expiration time', 'Expiration time', 'API expiration', 'Expiration'],
  },
  // Key list "API Management" (screenshot 2023): one card per key, its title the API name (with a "V2" tag), then
  // "Key" (the key itself, skipped unread), "Usage" ("API-based trading"), "API Restrictions" ("General"), "IP
  // Restriction" ("No" and "less secure; binding an IP address is recommended"). No creation date is shown. How a
  // key with several permissions or with IPs is shown is [unknown]. "API Permissions" is the success view's word.
  keyList: {
    name: [],
    permissions: ['API Restrictions', 'API Permissions'],
    ip: ['IP Restriction'],
    notBound: ['No'],
    created: [],
    keyValue: ['Key'],
  },
  // "API Created!", then "API Name", "Key", "Secret" ("API Secret cannot be retrieved and will ONLY be displayed for
  // ONE time"), "Usage", "API Permissions", "IP Restriction", "Confirm": success view, screenshot 2023.
  successView: {
    created: ['API Created!'],
    apiKey: ['Key'],
    secretKey: ['Secret'],
  },
  rules: {
    // "You may add up to 20 IPs. Use a halfwidth comma to each IP": KuCoin's API docs (sub-account API key creation).
    maxIps: 20,
    // "API keys that are enabled for spot, margin, or futures trading but not linked to an IP address will be
    // automatically deleted or have their trade permissions disabled after 30 days of inactivity. However, there is
    // no expiration limit for API keys that only have the General permissions." (KuCoin, "How to Create API",
    // kucoin.com/support/360015102174; also quoted by 3rd-party guides of the create page.) KuCoin names two outcomes;
    // the rule holds one word: "deleted", KuCoin's first and the worse, as the key stops trading either way.
    unboundExpiry: { days: 30, idle: true, permissions: ['trade', 'margin', 'futures'], outcome: 'deleted' },
    // Never/30/90/180/360 days: KuCoin's API docs (sub-account API key creation, "API expiration time").
    offersKeyExpiry: true,
  },
};
