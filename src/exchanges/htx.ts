import type { ExchangeAdapter, ExchangeSite } from './adapter';

/**
 * HTX (formerly Huobi): API Management (`/apikey/`). Sources: HTX's API docs (huobiapi.github.io/docs/spot/v1/en/:
 * Read-only always on, Trade, Withdraw; up to 20 IPv4/IPv6 hosts or IPv4 networks; unbound Trade/Withdraw keys
 * deactivated after 90 days without use), and screenshots of Huobi's page from 2018 (hummingbot-site
 * docs/exchanges/htx): "Create API Key" with "Notes", "Bind IP Address (Optional)" and "Create", and no permission
 * boxes; "Successfully Create"; the list "MyAPI Key". The current page's wording is [unknown].
 */
export const htxSite: ExchangeSite = {
  id: 'htx',
  hosts: ['www.htx.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/apikey(?:\/|$)/i,
};

export const htx: ExchangeAdapter = {
  ...htxSite,
  name: 'HTX',
  keyPageUrl: 'https://www.htx.com/apikey/',
  // Huobi renamed itself HTX in September 2023; huobi.com is still its own, and still imitated.
  officialDomains: ['htx.com', 'huobi.com'],
  labels: {
    // Read-only, Trade, Withdraw: HTX's API docs (permission names). The 2018 page had no permission boxes at all.
    // Chinese labels are not quoted from any page.
    permissions: {
      read: ['Read-only', 'Read only', 'Read', '只读', '读取'],
      trade: ['Trade', 'Trading', '交易'],
      withdraw: ['Withdraw', 'Withdrawal', '提币', '提现'],
    },
    permissionSection: ['Permissions', 'Permission settings', '权限', '权限设置'],
    // "Bind IP Address (Optional)", next to "Expiry date of the key unbound to IP address is 90 days.": Huobi's page,
    // screenshot 2018; "(Optional)" is dropped by matching. The other labels are guesses kept from before.
    ipField: ['Bind IP Address', 'IP address', 'Bind IP', 'IP 地址', 'IP地址', '绑定 IP', '绑定IP'],
    // "Notes": Huobi's page, screenshot 2018.
    keyName: ['Notes', 'Note', 'Remark', '备注'],
    // "Create", then "Security authentication" (SMS, email, GA codes) with "Confirm": Huobi's page, screenshots 2018.
    submit: ['Create', 'Confirm', '创建', '确认'],
  },
  // "MyAPI Key", a table: "Create Date", "Notes", "Access Key", "Bind IP Address", "Expire in (days)", "Status",
  // "Action"; an unbound key shows "--" (Huobi's page, screenshot 2018). The 2018 list has no permission column, and
  // the key-list reader finds keys by theirs: with no such column it lists none. Whether today's list has one is
  // [unknown]: "Permissions" is a guess that costs nothing when absent.
  keyList: {
    name: ['Notes'],
    permissions: ['Permissions', 'Permission'],
    ip: ['Bind IP Address'],
    notBound: ['--', '-'],
    created: ['Create Date'],
    keyValue: ['Access Key'],
  },
  // "Successfully Create", "Access Key", "Secret Key" ("This information will be shown only once …"), "Bind IP
  // Address", "Confirm": Huobi's page, screenshot 2018.
  successView: {
    created: ['Successfully Create'],
    apiKey: ['Access Key'],
    secretKey: ['Secret Key'],
  },
  rules: {
    // HTX's API docs: up to 20. Huobi's 2018 page only recommended "each API Key should bind 4 IP addresses at most".
    maxIps: 20,
    // HTX's API docs: unbound keys with Trade or Withdraw are deactivated after 90 days without use. Huobi's 2018 page
    // said "Expiry date of the key unbound to IP address is 90 days." (no idle clock, no permission named); the list
    // shows "Expire in (days)".
    unboundExpiry: { days: 90, idle: true, permissions: ['trade', 'withdraw'], outcome: 'deactivated' },
  },
  // "Read-only" is always on, whatever the page shows (HTX's API docs).
  alwaysOn: ['read'],
};
