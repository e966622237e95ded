import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Bitget: Account → API keys (`/account/newapi`) → "Create API key" → "Select API key type" → "Create new API key".
 * Sources: screenshots of the real pages, 2025-11 (hummingbot-site docs/exchanges/bitget: the key list "API keys",
 * the key-type choice, the create dialog); Bitget's help article on creating API keys
 * (bitget.com/support/articles/360038968251); Bitget's API docs (api-doc/spot/vsubaccount/Create-Virtual-Subaccount-ApiKey
 * for the classic permissions, api-doc/uta/guide and api-doc/uta/account/sub-account/SubAccount-API-Create for the
 * unified account's).
 */
export const bitgetSite: ExchangeSite = {
  id: 'bitget',
  hosts: ['www.bitget.com'],
  // "/account/newapi": Bitget's help article; locale prefixes as on the rest of the site (`/zh-CN/`).
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/account\/newapi(?:\/|$)/i,
};

export const bitget: ExchangeAdapter = {
  ...bitgetSite,
  name: 'Bitget',
  keyPageUrl: 'https://www.bitget.com/account/newapi',
  officialDomains: ['bitget.com'],
  labels: {
    permissions: {
      // Boxes named on their own: the API docs' permission names (Create-Virtual-Subaccount-ApiKey: "Spot trade",
      // "Spot margin trading", "Futures order", "Contract position", "Wallet transfer", "Wallet withdraw", "Copy
      // trading") and earlier replicas' wording ("Futures Orders", "Futures Holdings", "P2P"). "Unified account
      // trade" and "Unified account management": the unified account's two permissions, "each read-only or read and
      // write" (Bitget's API docs, uta/guide); the key-wide read-only choice still wins over them. Chinese labels are
      // not quoted from any page.
      trade: ['Spot trading', 'Spot trade', '现货交易', 'Unified account trade', '统一账户交易'],
      futures: ['Futures Orders', 'Futures order', 'Futures Holdings', 'Contract position', '合约订单', '合约持仓'],
      margin: ['Margin trading', 'Spot margin trading', '杠杆交易'],
      // "Unified account management": creating sub-account API keys needs its "read and write permissions" (Bitget's
      // API docs, uta/account/sub-account/SubAccount-API-Create): it manages the account beyond trading (sub-accounts
      // and their keys, account settings). What else it allows is not listed in any source seen; it is read as
      // transfer, a fund-moving permission, rather than other, which would look harmless.
      transfer: ['Wallet transfer', '钱包划转', 'Unified account management', '统一账户管理'],
      withdraw: ['Withdraw', 'Withdrawal', 'Wallet withdraw', '提现', '提币'],
      // P2P has no canonical equivalent.
      other: ['P2P'],
    },
    // Groups are areas: the 2025 dialog shows a group "Futures" holding a checkbox "Orders" ("Query futures order
    // information: submit, modify, and cancel orders."): Bitget create page, screenshot 2025-11 (hummingbot-site
    // docs/exchanges/bitget). Any box ticked in a group counts as the group's permission unless it is named above
    // ("Withdraw" in "Wallet" stays withdraw). The other groups are below the part of the dialog the screenshot shows:
    // "Spot", "Margin", "Wallet", "Copy trading" follow the API docs' permission names; a heading with a box of its
    // own (earlier replicas: a "Spot" box) counts the same way. Copy trading places trades: trade.
    permissionAreas: {
      futures: ['Futures', '合约'],
      trade: ['Spot', '现货', 'Copy trading', '跟单交易'],
      margin: ['Margin', '杠杆'],
      transfer: ['Wallet', '钱包'],
    },
    // "Permissions" (radios "Read-write" / "Read-only") and "Permission type" (above the groups): screenshot 2025-11.
    // "Permission settings": Bitget's help article. Chinese labels are not quoted.
    permissionSection: ['Permissions', 'Permission type', 'Permission settings', '权限设置', '权限'],
    // "Link IP address": Bitget's help article (the 2025 screenshot ends above the IP field). The others are kept
    // from before, not quoted.
    ipField: ['Link IP address', 'IP address', '绑定 IP 地址', '绑定IP地址', 'IP 地址', 'IP地址'],
    // "Note": screenshot 2025-11; "Notes": Bitget's help article. The "Passphrase (API token)" field is a secret, never
    // read. Chinese labels are not quoted.
    keyName: ['Note', 'Notes', '备注', '备注名'],
    // "Next": screenshot 2025-11 (then e-mail, SMS or Google codes, Bitget's help article).
    submit: ['Next', 'Confirm', '下一步', '确认'],
    // "Read-only": screenshot 2025-11. 只读: not quoted.
    readOnlyMode: ['Read-only', 'Read only', '只读'],
    // "Select API key type": "System-generated API key" ("based on the HMAC symmetric encryption algorithm") or
    // "User-generated API key" ("based on RSA"): screenshot 2025-11. On the live page the choice is a dialog of its own
    // before the form; read when a page shows it as a choice inside the form.
    keyTypes: {
      hmac: ['System-generated API key'],
      rsa: ['User-generated API key'],
    },
    // "Select all" ticks the boxes, which are read one by one; "Read-write" is the other side of "Read-only", the
    // groups say what it grants: screenshot 2025-11. 全选, 读写: not quoted.
    neutral: ['Select all', '全选', 'Read-write', 'Read and write', '读写'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  // Max IPs (a guide pasted 30; the API docs allow "up to 30" per sub-account key, Create-Virtual-Subaccount-ApiKey,
  // but the web form's limit is not stated), unbound-key rules and withdraw rules are [unknown].
  rules: {},
  // Every key reads: "Read-only" or "Read-write", there is no key without reading (screenshot 2025-11).
  alwaysOn: ['read'],
};
