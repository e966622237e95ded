import { UNKNOWN_KEY_LIST, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * MEXC: API Management (`/user/openapi`). Sources: MEXC's API docs (mexcdevelop.github.io/apidocs/spot_v3_en: up to
 * 10 IPs per key, unbound keys expire after 90 days; permission names SPOT_ACCOUNT_READ, SPOT_DEAL_WRITE,
 * CONTRACT_ACCOUNT_READ, SPOT_TRANSFER_WRITE, …), and screenshots of the real page from 2022 (hummingbot-site
 * docs/exchanges/mexc, at www.mexc.com/user/openapi): "Manage API / Create New API Key"; groups "Spot" (rows
 * "Account:", "Trade:", "Withdraw:", "Transfer:"), "Isolated margin leverage" and "Futures" (rows "Account:",
 * "Trade:"), each row a read box ("Read account information", "Read order information", …) and write boxes whose
 * labels a dialog hides in every screenshot but one ("Modify account information"); "Notes (required)"; "Link IP
 * Address (optional)"; "Create"; "Created successfully".
 */
export const mexcSite: ExchangeSite = {
  id: 'mexc',
  hosts: ['www.mexc.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/user\/openapi(?:\/|$)/i,
};

export const mexc: ExchangeAdapter = {
  ...mexcSite,
  name: 'MEXC',
  keyPageUrl: 'https://www.mexc.com/user/openapi',
  officialDomains: ['mexc.com'],
  labels: {
    permissions: {
      // "Read", "View": the read/write choice per row as MEXC's API docs name the permissions (…_READ / …_WRITE).
      // The 2022 page's own read boxes (screenshots, 2022): "Read account information", "Read order information",
      // "Read transfer information", and "Read the deposit/withdrawal inf…" (cut off by a dialog; "information" is
      // the other rows' word). Known as read so that the money word in "deposit/withdrawal" never makes it withdraw.
      read: [
        'Read',
        'View',
        '读取',
        '查看',
        'Read account information',
        'Read order information',
        'Read the deposit/withdrawal information',
        'Read transfer information',
      ],
    },
    // Areas: a box that no label names counts as its area's permission when ticked; the nearest heading wins, so a
    // row heading ("Withdraw:", "Transfer:") over its group's ("Spot"). A write anywhere in Spot counts as trade
    // (Spot Account write included: KeyScope over-reports rather than miss one), in "Isolated margin leverage" as
    // margin, in Contract / Futures as futures. The rows "Account:" and "Trade:" are no areas: they sit in all three
    // groups, and their group decides. Deposit has no canonical equivalent: other. "Spot", "Futures", "Isolated
    // margin leverage", "Withdraw", "Transfer": screenshots, 2022; "Contract", "Deposit": MEXC's API docs. Chinese
    // labels are not quoted from any page.
    permissionAreas: {
      trade: ['Spot', '现货'],
      margin: ['Isolated margin leverage', 'Isolated margin', 'Margin', '逐仓杠杆', '杠杆'],
      futures: ['Contract', 'Futures', '合约'],
      withdraw: ['Withdraw', 'Withdrawal', '提现', '提币'],
      transfer: ['Transfer', '划转'],
      other: ['Deposit', '充值'],
    },
    permissionSection: ['Permissions', 'API Permissions', '权限', 'API 权限'],
    // "Link IP Address (optional)", then in red "The validity period of the key for an unlinked IP address is 90 days
    // (not recommended)": screenshots, 2022. "(optional)" is dropped by matching.
    ipField: ['IP address', 'Link IP Address', 'IP 地址', 'IP地址', '绑定 IP', '绑定IP'],
    // "Notes (required)", with a red "*" before it: screenshots, 2022.
    keyName: ['Notes', 'Notes (required)', 'Note', 'Remark', '备注'],
    // "Create", then a verification dialog ("Verify the mobile phone number" / "Security verification") with
    // "Confirm": screenshots, 2022.
    submit: ['Create', 'Confirm', '创建', '确认'],
  },
  // "My API Key" is below the form, cut off in every screenshot: its wording is [unknown].
  keyList: UNKNOWN_KEY_LIST,
  // "Created successfully", "Access Key", "Secret Key" ("It is only displayed once. …"), "Link IP Address",
  // "Confirm": screenshot, 2022.
  successView: {
    created: ['Created successfully'],
    apiKey: ['Access Key'],
    secretKey: ['Secret Key'],
  },
  rules: {
    // MEXC's API docs (FAQ: up to 10 IPs per key) and the 2022 page's notes ("You can link a maximum of 10 …",
    // screenshot); the docs of the sub-account key endpoint say 20, for keys made through the API.
    maxIps: 10,
    // MEXC's API docs: unbound keys expire after 90 days; the 2022 page: "The validity period of the key for an
    // unlinked IP address is 90 days (not recommended)", counted from creation, whatever the permissions.
    unboundExpiry: { days: 90, idle: false, permissions: [], outcome: 'expired' },
  },
};
